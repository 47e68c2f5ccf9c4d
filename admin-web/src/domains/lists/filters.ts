import type { Category, Demand, DemandStatus } from './model'

/** The demand list's filters: where (a community or one of its grids), status, category and a lowest urgency. */
export interface DemandFilter {
  under: string
  grid?: string
  status: DemandStatus
  category?: Category | ''
  minUrgency?: number
}

/** What the API filters (one Query: the node, status and category); the urgency floor is applied to the page read. */
export function demandQuery(f: DemandFilter): { under: string; status: DemandStatus; category?: Category } {
  return { under: f.grid || f.under, status: f.status, ...(f.category ? { category: f.category } : {}) }
}

export function keepDemand(f: DemandFilter): (d: Demand) => boolean {
  return (d) => !f.minUrgency || d.urgency >= f.minUrgency
}

/** Open demands as a member should see them: the most urgent first, then the longest waiting. */
export function byUrgencyThenAge(a: Demand, b: Demand): number {
  return b.urgency - a.urgency || (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.id.localeCompare(b.id)
}

/** Whether a resource's coverage (street, community or grid codes) includes the demand's grid, by the grid's path. */
export function covers(coverCodes: string[], demand: Pick<Demand, 'gridCode' | 'gridPath'>): boolean {
  return coverCodes.some((c) => c === demand.gridCode || (demand.gridPath ?? '').includes(`/${c}/`))
}
