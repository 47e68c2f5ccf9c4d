import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'
import { ApiError, toProblem } from './problem'
import { session } from '../auth/session'
import { config } from '../config'

/** Adds the caller's token and turns every problem+json refusal into an ApiError with readable words. */
const middleware: Middleware = {
  onRequest({ request }) {
    const token = session.idToken()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    return request
  },
  async onResponse({ response }) {
    if (response.status === 401) session.expire()
    if (!response.ok) throw new ApiError(await toProblem(response.clone()))
    return response
  },
}

let client: ReturnType<typeof createClient<paths>> | undefined

/** The typed API client, generated from the functions' OpenAPI document (npm run gen:api). */
export function api() {
  if (!client) {
    client = createClient<paths>({ baseUrl: config().apiBase || window.location.origin })
    client.use(middleware)
  }
  return client
}
