/** RFC 9457 problem details as the RedGrid API sends them (titles and messages in zh-CN). */
export interface FieldError {
  field: string
  code: string
  message: string
}

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  code?: string
  errors?: FieldError[]
  /** On a clash (409), the record that already holds the value, when the caller may see it. */
  existingId?: string
}

/** An API refusal, carrying the problem so pages can show field errors next to their fields. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(describe(problem))
  }
}

/** One readable sentence for a problem: its title and detail, then each field's message. */
export function describe(problem: Problem): string {
  const head = [problem.title, problem.detail].filter(Boolean).join('：') || `HTTP ${problem.status}`
  const fields = (problem.errors ?? []).map((e) => `${e.field ? e.field + '：' : ''}${e.message}`)
  return fields.length ? `${head}（${fields.join('；')}）` : head
}

/** Reads a failed response as a problem, whatever the server sent (API Gateway's own 401 is {"message":...}). */
export async function toProblem(response: Response): Promise<Problem> {
  const text = await response.text()
  try {
    const body = JSON.parse(text)
    if (body && typeof body === 'object' && ('title' in body || 'code' in body)) {
      return { status: response.status, ...body }
    }
    if (body && typeof body.message === 'string') {
      return { status: response.status, title: body.message }
    }
  } catch {
    // not JSON: fall through
  }
  return { status: response.status, title: text || response.statusText }
}
