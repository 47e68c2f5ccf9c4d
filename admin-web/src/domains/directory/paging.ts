/** One page of a cursor-paged list as the API answers it. */
export interface CursorPage<T> {
  items: T[]
  next?: string
}

/**
 * Numbered pages over a cursor-paged API: the cursor that opens page n is remembered once page n-1 has been read, and
 * jumping ahead reads the pages between. A change of filter or page size starts again (reset).
 */
export class CursorPages<T> {
  private cursors: (string | undefined)[] = [undefined]
  private size = 0

  constructor(private readonly fetch: (cursor: string | undefined, limit: number) => Promise<CursorPage<T>>) {}

  reset() {
    this.cursors = [undefined]
  }

  async page(n: number, size: number): Promise<T[]> {
    if (size !== this.size) {
      this.reset()
      this.size = size
    }
    while (this.cursors.length < n) {
      const last = this.cursors.length - 1
      const { next } = await this.fetch(this.cursors[last], size)
      if (!next) break
      this.cursors.push(next)
    }
    const at = Math.min(n, this.cursors.length) - 1
    const { items, next } = await this.fetch(this.cursors[at], size)
    if (next && this.cursors.length === at + 1) this.cursors.push(next)
    return items
  }

  /** What is known of the total without counting: the rows up to this page, plus one more page when there is one. */
  knownTotal(page: number, rowsOnPage: number): number {
    const more = this.cursors.length > page ? this.size : 0
    return (page - 1) * this.size + rowsOnPage + more
  }
}
