import { api } from '../../api/client'
import type { Batch, Weights, Demand, DemandDraft, DemandStatus, Indicators, Page, Participant, Project, ProjectStatus, Resource } from './model'

/**
 * The lists API (functions/lists), through the shell's client: the caller's token, problem+json refusals as ApiError.
 * Creating POSTs carry an Idempotency-Key the caller keeps for retries of the same form.
 */
type Init = { params?: { path?: Record<string, string>; query?: Record<string, unknown>; header?: Record<string, string> }; body?: unknown }
type Call = (path: string, init?: Init) => Promise<{ data?: unknown }>
const http = () => api() as unknown as { GET: Call; POST: Call; PUT: Call }

async function get<T>(path: string, query?: Record<string, unknown>): Promise<T> {
  return (await http().GET(path, { params: { query } })).data as T
}

async function post<T>(path: string, body: unknown = {}, key?: string): Promise<T> {
  return (await http().POST(path, { body, params: key ? { header: { 'Idempotency-Key': key } } : {} })).data as T
}

async function put<T>(path: string, body: unknown): Promise<T> {
  return (await http().PUT(path, { body })).data as T
}

const id = encodeURIComponent

/** Every page of a list (exports read the whole filtered list, 100 at a time). */
export async function readAll<T>(read: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = []
  let cursor: string | undefined
  do {
    const page = await read(cursor)
    all.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return all
}

export const lists = {
  demands: (query: { under: string; status?: DemandStatus; category?: string }, limit = 20, cursor?: string) =>
    get<Page<Demand>>('/lists/demands', { ...query, limit, cursor }),
  myDemands: (cursor?: string) => get<Page<Demand>>('/lists/demands/mine', { limit: 50, cursor }),
  myClaims: (cursor?: string) => get<Page<Demand>>('/lists/claims/mine', { limit: 50, cursor }),
  demand: (demandId: string) => get<Demand>(`/lists/demands/${id(demandId)}`),
  submit: (draft: DemandDraft, key: string) => post<Demand>('/lists/demands', draft, key),
  claim: (demandId: string, resourceId: string, key: string) => post<Demand>(`/lists/demands/${id(demandId)}/claim`, { resourceId }, key),
  done: (demandId: string, note?: string) => post<Demand>(`/lists/demands/${id(demandId)}/done`, note ? { note } : {}),
  feedback: (demandId: string, rating: number, comment?: string) => post<Demand>(`/lists/demands/${id(demandId)}/feedback`, { rating, comment: comment || undefined }),
  cancel: (demandId: string, reason: string) => post<Demand>(`/lists/demands/${id(demandId)}/cancel`, { reason }),
  importDemands: (rows: DemandDraft[], key: string) => post<{ ids: string[]; created: number; existing: number }>('/lists/demands/import', { rows }, key),

  resources: (under: string, status: 'ACTIVE' | 'WITHDRAWN' = 'ACTIVE', limit = 100, cursor?: string) =>
    get<Page<Resource>>('/lists/resources', { under, status, limit, cursor }),
  myResources: () => get<Page<Resource>>('/lists/resources/mine', { limit: 100 }),
  offer: (body: Omit<Resource, 'id' | 'status' | 'owner' | 'takenThisMonth'>, key: string) => post<Resource>('/lists/resources', body, key),

  projects: (under: string, status: ProjectStatus, limit = 100, cursor?: string) => get<Page<Project>>('/lists/projects', { under, status, limit, cursor }),
  createProject: (body: Omit<Project, 'id' | 'status'>, key: string) => post<Project>('/lists/projects', body, key),
  startProject: (projectId: string) => post<Project>(`/lists/projects/${id(projectId)}/start`),
  completeProject: (projectId: string, body: { participants: Participant[]; beneficiaryHouseholdIds: string[]; summary: string }) =>
    post<Project>(`/lists/projects/${id(projectId)}/complete`, body),
  evaluateProject: (projectId: string, rating: number, comment?: string) => post<Project>(`/lists/projects/${id(projectId)}/evaluate`, { rating, comment: comment || undefined }),

  weights: (code: string) => get<Weights & { custom?: boolean }>(`/lists/communities/${id(code)}/weights`),
  setWeights: (code: string, weights: Weights) => put<Weights & { custom?: boolean }>(`/lists/communities/${id(code)}/weights`, weights),
  runBatch: (nodeCode: string, key: string) => post<Batch>('/lists/matching/batches', { nodeCode }, key),
  batches: (under: string) => get<Page<Batch>>('/lists/matching/batches', { under, limit: 10 }),
  decide: (batchId: string, body: { accept: { demandId: string; resourceId: string }[]; reject: string[] }) =>
    post<Batch>(`/lists/matching/batches/${id(batchId)}/decide`, body),

  indicators: (code: string, month?: string) => get<Indicators>(`/lists/nodes/${id(code)}/indicators`, month ? { month } : {}),
}
