import type { Batch, Demand, Pair, Resource } from './model'
import { covers } from './filters'

/** A decision sent for a batch: pairs to accept (as proposed or edited) and demands whose proposal is rejected. */
export interface DecideBody {
  accept: { demandId: string; resourceId: string }[]
  reject: string[]
}

/** The board's pending choices: a different resource for some demands, and the demands chosen for an action. */
export interface Choices {
  edits: Map<string, string>
}

export const undecided = (p: Pair) => !p.decision

/** Accepting pairs: each with its edited resource when staff changed it; pairs already decided are never resent. */
export function acceptBody(pairs: Pair[], demandIds: string[], choices: Choices): DecideBody {
  const wanted = new Set(demandIds)
  return {
    accept: pairs.filter((p) => undecided(p) && wanted.has(p.demandId))
      .map((p) => ({ demandId: p.demandId, resourceId: choices.edits.get(p.demandId) ?? p.resourceId })),
    reject: [],
  }
}

export function rejectBody(pairs: Pair[], demandIds: string[]): DecideBody {
  const wanted = new Set(demandIds)
  return { accept: [], reject: pairs.filter((p) => undecided(p) && wanted.has(p.demandId)).map((p) => p.demandId) }
}

/**
 * The resources a proposed demand could be moved to: active, covering the demand's grid, offering its category, with
 * capacity left once this month's claims and the batch's other pending uses (edits included) are counted.
 */
export function editOptions(demand: Demand, resources: Resource[], pairs: Pair[], choices: Choices): Resource[] {
  const planned = new Map<string, number>()
  for (const p of pairs) {
    if (p.demandId === demand.id || p.decision === 'REJECTED' || p.decision === 'FAILED') continue
    if (p.decision === 'ACCEPTED') continue // already counted in takenThisMonth once accepted
    const r = choices.edits.get(p.demandId) ?? p.resourceId
    planned.set(r, (planned.get(r) ?? 0) + 1)
  }
  return resources.filter((r) => r.status === 'ACTIVE' && covers(r.covers, demand) && r.categories.includes(demand.category)
    && r.capacity - (r.takenThisMonth ?? 0) - (planned.get(r.id) ?? 0) > 0)
}

/** How a decision went, counted from the batch the server answers. */
export function outcome(batch: Pick<Batch, 'pairs'>): { accepted: number; rejected: number; failed: number } {
  const count = (d: Pair['decision']) => batch.pairs.filter((p) => p.decision === d).length
  return { accepted: count('ACCEPTED'), rejected: count('REJECTED'), failed: count('FAILED') }
}
