import type { Batch, Demand, Pair, Resource } from './model'
import { covers } from './filters'

/** A decision sent for a batch: pairs to accept (as proposed or edited) and demands whose proposal is rejected. */
export interface DecideBody {
  accept: { demandId: string; resourceId: string }[]
  reject: string[]
}

/** The server decides at most this many demands per call (functions/lists Matching.MAX_DECIDE). */
export const MAX_DECIDE = 100

/** The board's pending choices: a different resource for some demands, and the demands chosen for an action. */
export interface Choices {
  edits: Map<string, string>
}

export const undecided = (p: Pair) => !p.decision

/** Accepting pairs: each with its edited resource when staff changed it; pairs already decided are never resent. */
export function acceptBody(pairs: Pair[], demandIds: string[], choices: Choices): DecideBody {
  const wanted = new Set(demandIds)
  return {
    accept: pairs.filter((p) => undecided(p) && wanted.has(p.demandId) && (p.resourceId || choices.edits.has(p.demandId)))
      .map((p) => ({ demandId: p.demandId, resourceId: choices.edits.get(p.demandId) ?? p.resourceId! })),
    reject: [],
  }
}

export function rejectBody(pairs: Pair[], demandIds: string[]): DecideBody {
  const wanted = new Set(demandIds)
  return { accept: [], reject: pairs.filter((p) => undecided(p) && wanted.has(p.demandId)).map((p) => p.demandId) }
}

/** A decision split into calls the server takes (at most {@link MAX_DECIDE} demands each). */
export function inCalls(body: DecideBody): DecideBody[] {
  const calls: DecideBody[] = []
  for (let i = 0; i < body.accept.length; i += MAX_DECIDE) calls.push({ accept: body.accept.slice(i, i + MAX_DECIDE), reject: [] })
  for (let i = 0; i < body.reject.length; i += MAX_DECIDE) calls.push({ accept: [], reject: body.reject.slice(i, i + MAX_DECIDE) })
  return calls
}

/** The pairs shown, with the ones the server just decided put in their place. */
export function withDecided(shown: Pair[], decided: Pair[]): Pair[] {
  const now = new Map(decided.map((p) => [p.demandId, p]))
  return shown.map((p) => now.get(p.demandId) ?? p)
}

/** The demand a pair names, as the edit options need it: category and grid. */
export function demandOf(p: Pair): Pick<Demand, 'id' | 'category' | 'gridCode' | 'gridPath'> {
  const codes = (p.gridPath ?? '').split('/').filter(Boolean)
  return { id: p.demandId, category: p.category!, gridCode: codes[codes.length - 1] ?? '', gridPath: p.gridPath ?? '' }
}

/**
 * The resources a proposed demand could be moved to: active, covering the demand's grid, offering its category, with
 * capacity left once this month's claims and the other pending uses among the pairs loaded (edits included) are
 * counted. Pairs on pages not loaded are not known here; the server refuses an overfull claim (FAILED, RESOURCE_FULL).
 */
export function editOptions(demand: Pick<Demand, 'id' | 'category' | 'gridCode' | 'gridPath'>, resources: Resource[], pairs: Pair[],
  choices: Choices): Resource[] {
  const planned = new Map<string, number>()
  for (const p of pairs) {
    if (p.demandId === demand.id || p.decision) continue // decided: accepted ones are in takenThisMonth already
    const r = choices.edits.get(p.demandId) ?? p.resourceId
    if (r) planned.set(r, (planned.get(r) ?? 0) + 1)
  }
  return resources.filter((r) => r.status === 'ACTIVE' && covers(r.covers, demand) && r.categories.includes(demand.category)
    && r.capacity - (r.takenThisMonth ?? 0) - (planned.get(r.id) ?? 0) > 0)
}

/** How the decisions went so far, from the batch head's counters. */
export function outcome(batch: Pick<Batch, 'accepted' | 'rejected' | 'failed'>): { accepted: number; rejected: number; failed: number } {
  return { accepted: batch.accepted ?? 0, rejected: batch.rejected ?? 0, failed: batch.failed ?? 0 }
}
