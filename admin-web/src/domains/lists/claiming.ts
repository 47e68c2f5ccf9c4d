import type { Access } from '../../auth/access'
import { ApiError } from '../../api/problem'
import type { Demand, Resource } from './model'
import { covers } from './filters'

/** The community a member or partner unit claims in: the node of their first grant. */
export function claimingCommunity(access: Pick<Access, 'grants'>): string | undefined {
  return access.grants.find((g) => g.node)?.node
}

/** Which of the caller's resources a claim uses: an active one covering the demand's grid, one offering its category first. */
export function resourceFor(demand: Demand, mine: Resource[]): Resource | undefined {
  const usable = mine.filter((r) => r.status === 'ACTIVE' && covers(r.covers, demand) && (r.takenThisMonth ?? 0) < r.capacity)
  return usable.find((r) => r.categories.includes(demand.category)) ?? usable[0]
}

/** How a claim came out, as the member is told it: theirs, someone else's first (秒认领: first wins), or refused for a reason. */
export type ClaimOutcome = { kind: 'won' } | { kind: 'lost' } | { kind: 'refused'; message: string }

export function claimOutcome(error: unknown): ClaimOutcome {
  if (error instanceof ApiError && error.problem.code === 'DEMAND_ALREADY_CLAIMED') return { kind: 'lost' }
  return { kind: 'refused', message: (error as Error).message }
}
