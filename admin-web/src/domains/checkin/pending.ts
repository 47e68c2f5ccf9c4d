import { api } from '../../api/client'

/**
 * The check-in routes the backend branch is adding (notes API-s2-checkin.md: photos, confirmation, publication) and that the
 * generated schema.d.ts does not name yet. They go through the same client (token, problem+json refusals); once the
 * schema has them, pages move to the typed `api()` and these shapes go.
 */
type Init = { params?: { path?: Record<string, string | number>; query?: Record<string, string | number | boolean | undefined>; header?: Record<string, string> }; body?: unknown }
interface LooseClient {
  GET(path: string, init?: Init): Promise<{ data?: unknown }>
  POST(path: string, init?: Init): Promise<{ data?: unknown }>
}

export const pending = {
  async get<T>(path: string, init?: Init): Promise<T> {
    return (await (api() as unknown as LooseClient).GET(path, init)).data as T
  },
  async post<T>(path: string, init?: Init): Promise<T> {
    return (await (api() as unknown as LooseClient).POST(path, init)).data as T
  },
}

export interface Page<T> { items: T[]; nextCursor?: string }

export interface PhotoUpload { key: string; uploadUrl: string; method: 'PUT'; headers: Record<string, string>; expiresAt?: string; maxBytes?: number }

export interface Publication {
  gridCode: string; gridName?: string; quarter: string; publishedBy?: string; publishedAt?: string; totalMinutes: number; verifiedRecords: number
  members: { memberId: string; name?: string; employerName?: string; minutes: number; hours: string; verifiedRecords: number }[]
}
