/**
 * The Idempotency-Key of one form: the same key while the same body is sent again (a double click, a retry after a
 * lost answer), a new key once the body changes (a corrected form is a new request, not a retry of the refused one).
 */
export class SubmissionKey {
  private body = ''
  private key = ''

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  for(body: object): string {
    const text = JSON.stringify(body)
    if (text !== this.body || !this.key) {
      this.body = text
      this.key = this.newKey()
    }
    return this.key
  }
}
