import { api } from '../../api/client'
import { putPhoto } from '../../common/photo'
import type { Batch, Decided, Demand, DemandDraft, DemandStatus, Indicators, NewProject, Page, Pair, Participant, Project, ProjectChanges, ProjectStatus, Resource, ResourceDraft, ResourceKind, Weights } from './model'

/**
 * The lists API (functions/lists) through the shell's typed client: paths, parameters and bodies are checked against
 * the generated schema; answers are read as the model's records (the schema marks every response field optional).
 * Creating POSTs carry an Idempotency-Key the caller keeps for retries of the same form.
 */
const path = (value: string) => ({ id: value })
const idempotent = (key: string) => ({ header: { 'Idempotency-Key': key } })

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

/** A page as the model reads it: no items is an empty list. */
function page<T>(data: { items?: unknown[]; nextCursor?: string } | undefined): Page<T> {
  return { items: (data?.items ?? []) as T[], nextCursor: data?.nextCursor }
}

/** What an import answers: how many rows were new and how many an earlier copy of the import wrote. */
export interface Imported { created: number; existing: number }
const imported = ({ data }: { data?: { created?: number; existing?: number } }): Imported =>
  ({ created: data?.created ?? 0, existing: data?.existing ?? 0 })

export const lists = {
  demands: async (query: { under: string; status?: DemandStatus; category?: string }, limit = 20, cursor?: string) =>
    page<Demand>((await api().GET('/lists/demands', { params: { query: { ...query, limit, cursor } } })).data),
  myDemands: async (cursor?: string) => page<Demand>((await api().GET('/lists/demands/mine', { params: { query: { limit: 50, cursor } } })).data),
  myClaims: async (cursor?: string) => page<Demand>((await api().GET('/lists/claims/mine', { params: { query: { limit: 50, cursor } } })).data),
  demand: async (id: string) => (await api().GET('/lists/demands/{id}', { params: { path: path(id) } })).data as Demand,
  submit: async (draft: DemandDraft, key: string) => (await api().POST('/lists/demands', { params: idempotent(key), body: draft })).data as Demand,
  claim: async (id: string, resourceId: string, key: string) =>
    (await api().POST('/lists/demands/{id}/claim', { params: { path: path(id), ...idempotent(key) }, body: { resourceId } })).data as Demand,
  done: async (id: string, note?: string) => (await api().POST('/lists/demands/{id}/done', { params: { path: path(id) }, body: note ? { note } : {} })).data as Demand,
  feedback: async (id: string, rating: number, comment?: string) =>
    (await api().POST('/lists/demands/{id}/feedback', { params: { path: path(id) }, body: { rating, comment: comment || undefined } })).data as Demand,
  cancel: async (id: string, reason: string) => (await api().POST('/lists/demands/{id}/cancel', { params: { path: path(id) }, body: { reason } })).data as Demand,
  importDemands: async (rows: DemandDraft[], key: string) => imported(await api().POST('/lists/demands/import', { params: idempotent(key), body: { rows } })),

  resources: async (under: string, status: Resource['status'] = 'ACTIVE', limit = 100, cursor?: string) =>
    page<Resource>((await api().GET('/lists/resources', { params: { query: { under, status, limit, cursor } } })).data),
  myResources: async () => page<Resource>((await api().GET('/lists/resources/mine', { params: { query: { limit: 100 } } })).data),
  offer: async (body: ResourceDraft, key: string) => (await api().POST('/lists/resources', { params: idempotent(key), body })).data as Resource,
  editResource: async (id: string, body: ResourceDraft) =>
    (await api().PATCH('/lists/resources/{id}', { params: { path: path(id) }, body })).data as Resource,
  importResources: async (rows: ResourceDraft[], key: string) => imported(await api().POST('/lists/resources/import', { params: idempotent(key), body: { rows } })),

  projects: async (under: string, status: ProjectStatus, limit = 100, cursor?: string) =>
    page<Project>((await api().GET('/lists/projects', { params: { query: { under, status, limit, cursor } } })).data),
  /** The community's projects open for picking (published, planned): one Query. */
  openProjects: async (under: string, cursor?: string) =>
    page<Project>((await api().GET('/lists/projects', { params: { query: { under, status: 'PLANNED', published: true, limit: 100, cursor } } })).data),
  myProjects: async (cursor?: string) => page<Project>((await api().GET('/lists/projects/mine', { params: { query: { limit: 50, cursor } } })).data),
  editProject: async (id: string, body: ProjectChanges) =>
    (await api().PATCH('/lists/projects/{id}', { params: { path: path(id) }, body })).data as Project,
  pickProject: async (id: string, resourceId: string) =>
    (await api().POST('/lists/projects/{id}/pick', { params: { path: path(id) }, body: { resourceId } })).data as Project,
  createProject: async (body: NewProject, key: string) =>
    (await api().POST('/lists/projects', { params: idempotent(key), body })).data as Project,
  cancelProject: async (id: string, reason: string) =>
    (await api().POST('/lists/projects/{id}/cancel', { params: { path: path(id) }, body: { reason } })).data as Project,
  startProject: async (id: string) => (await api().POST('/lists/projects/{id}/start', { params: { path: path(id) } })).data as Project,
  /** A project with presigned URLs of its outcome photos (valid 15 minutes). */
  project: async (id: string) =>
    (await api().GET('/lists/projects/{id}', { params: { path: path(id) } })).data as Project & { photoUrls?: string[] },
  /** Uploads one outcome photo of a project straight to storage; returns the key the completion names. */
  uploadProjectPhoto: async (id: string, file: File, put: typeof fetch = fetch) =>
    putPhoto((await api().POST('/lists/projects/{id}/photos', { params: { path: path(id) }, body: { contentType: file.type, size: file.size } })).data!, file, put),
  completeProject: async (id: string, body: { participants: Participant[]; beneficiaryHouseholdIds: string[]; summary: string; outcomePhotos: string[] }) =>
    (await api().POST('/lists/projects/{id}/complete', { params: { path: path(id) }, body })).data as Project,
  evaluateProject: async (id: string, rating: number, comment?: string) =>
    (await api().POST('/lists/projects/{id}/evaluate', { params: { path: path(id) }, body: { rating, comment: comment || undefined } })).data as Project,

  weights: async (code: string) => (await api().GET('/lists/communities/{code}/weights', { params: { path: { code } } })).data as Weights,
  setWeights: async (code: string, body: Weights) => (await api().PUT('/lists/communities/{code}/weights', { params: { path: { code } }, body })).data as Weights,
  runBatch: async (nodeCode: string) => (await api().POST('/lists/matching/batches', { body: { nodeCode } })).data as Batch,
  batches: async (under: string) => page<Batch>((await api().GET('/lists/matching/batches', { params: { query: { under, limit: 10 } } })).data),
  /** A page of a batch's pairs in grid order (of one grid or community when `grid` is given), or of its unmatched demands. */
  pairs: async (id: string, query: { grid?: string; unmatched?: boolean }, limit = 50, cursor?: string) =>
    page<Pair>((await api().GET('/lists/matching/batches/{id}/pairs', {
      params: { path: path(id), query: { grid: query.grid || undefined, unmatched: query.unmatched || undefined, limit, cursor } },
    })).data),
  decide: async (id: string, body: { accept: { demandId: string; resourceId: string }[]; reject: string[] }) =>
    (await api().POST('/lists/matching/batches/{id}/decide', { params: { path: path(id) }, body })).data as Decided,

  indicators: async (code: string, month?: string) =>
    (await api().GET('/lists/nodes/{code}/indicators', { params: { path: { code }, query: month ? { month } : {} } })).data as Indicators,
}
