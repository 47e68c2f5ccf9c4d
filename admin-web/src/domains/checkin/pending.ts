import { api } from '../../api/client'

/**
 * The check-in routes the backend branches are adding (notes API-s2-checkin.md, API-s2-eval.md) and that the
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

export type Grade = 'GOOD' | 'FAIRLY_GOOD' | 'AVERAGE' | 'POOR'
export type Criterion = 'HOURS' | 'RECORDS' | 'ATTENDANCE' | 'RATING'
export interface Rules {
  community: string; version: number
  weights: { hours: number; records: number; attendance: number; rating: number }
  targets: { hours: number; records: number; attendanceRate: number; rating: number }
  cutoffs: { good: number; fairlyGood: number; average: number }
  setBy?: string; setAt?: string
}
export interface SheetHead {
  community: string; communityName?: string; year: number; status: 'PROPOSED' | 'FINAL'; rulesVersion?: number; members: number
  grades?: Partial<Record<Grade, number>>; overrides?: number; proposedAt?: string; finalisedAt?: string
}
export interface Evaluation {
  memberId: string; name?: string; employerCode?: string; employerName?: string; communityCode?: string; communityName?: string; gridCode?: string
  year: number; score: number; proposedGrade: Grade; grade: Grade; overridden?: boolean
  breakdown: { criterion: Criterion; value: number; target: number; weight: number; contribution: number }[]
  minutes?: number; hours?: number | string; records?: number; version?: number; finalised?: boolean
}
export interface Notice {
  memberId: string; name?: string; employerCode?: string; employerName?: string; communityCode?: string; communityName?: string; year: number
  grade: Grade; gradeLabel?: string; hours?: number | string; minutes?: number; records?: number; finalisedAt?: string; noticeDate?: string
}

export interface Employer { code: string; name: string; nodeCode?: string; nodeName?: string; contactName?: string; contactPhone?: string }
export interface RosterEntry {
  name: string; phone?: string; post?: string; registered?: boolean; status?: 'PENDING' | 'CONFIRMED' | 'REJECTED' | null; memberId?: string; homeName?: string
  gridCode?: string; communityCode?: string
}
export interface RosterResult { employerCode: string; rows: number; added: number; removed: number; changed: number; uploadedAt?: string }
export interface EmployerRate {
  code: string; name?: string; rostered: number; registered: number; confirmed: number; registrationRate: number
  communities?: { communityCode: string; registered: number; confirmed: number }[]
}
export interface RankingItem {
  rank: number; code: string; name: string; rostered: number; registered: number; confirmed: number; registrationRate: number
  participants: number; participationRate: number; score: number
}
