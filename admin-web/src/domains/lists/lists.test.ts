import { describe, expect, it } from 'vitest'
import { byUrgencyThenAge, covers, demandQuery, keepDemand } from './filters'
import { acceptBody, demandOf, editOptions, inCalls, outcome, rejectBody, withDecided } from './board'
import { participantErrors, totalHours } from './projects'
import { CATEGORY_GROUPS, categories } from './values'
import type { Demand, Pair, Resource } from './model'

const demand = (id: string, more: Partial<Demand> = {}): Demand => ({
  id, title: id, category: 'ELDERLY', gridCode: 'G0101', gridPath: '/D01/S01/C01/G0101/', urgency: 3, status: 'OPEN', ...more,
})
const resource = (id: string, more: Partial<Resource> = {}): Resource => ({
  id, kind: 'MEMBER', name: id, nodeCode: 'C01', covers: ['C01'], categories: ['ELDERLY'], capacity: 2, status: 'ACTIVE', owner: id, takenThisMonth: 0, ...more,
})
const pair = (demandId: string, resourceId: string | null, decision: Pair['decision'] = null): Pair => ({
  demandId, resourceId, decision, gridPath: '/D01/S01/C01/G0101/', category: 'ELDERLY', fit: resourceId ? { total: 1, components: [] } : null,
})

describe('filters', () => {
  it('asks the API for the grid when one is chosen, else the community, and keeps the urgent ones', () => {
    expect(demandQuery({ under: 'C01', status: 'OPEN', category: '' })).toEqual({ under: 'C01', status: 'OPEN' })
    expect(demandQuery({ under: 'C01', grid: 'G0102', status: 'DONE', category: 'WISH' })).toEqual({ under: 'G0102', status: 'DONE', category: 'WISH' })
    const keep = keepDemand({ under: 'C01', status: 'OPEN', minUrgency: 4 })
    expect([demand('a', { urgency: 3 }), demand('b', { urgency: 4 }), demand('c', { urgency: 5 })].filter(keep).map((d) => d.id)).toEqual(['b', 'c'])
  })

  it('shows members the most urgent, then the longest waiting, first', () => {
    const list = [demand('new', { urgency: 3, publishedAt: '2026-11-25T10:00:00Z' }), demand('old', { urgency: 3, publishedAt: '2026-11-24T10:00:00Z' }),
      demand('hot', { urgency: 5, publishedAt: '2026-11-25T11:00:00Z' })]
    expect(list.sort(byUrgencyThenAge).map((d) => d.id)).toEqual(['hot', 'old', 'new'])
  })

  it('a resource covers a grid through the grid, its community or its street', () => {
    expect(covers(['G0101'], demand('a'))).toBe(true)
    expect(covers(['S01'], demand('a'))).toBe(true)
    expect(covers(['C02', 'G0201'], demand('a'))).toBe(false)
  })
})

describe('matching board', () => {
  const pairs = [pair('d1', 'r1'), pair('d2', 'r1'), pair('d3', 'r2', 'ACCEPTED')]

  it('accepts the chosen undecided pairs with their edits, never resending a decided one', () => {
    const edits = new Map([['d2', 'r3']])
    expect(acceptBody(pairs, ['d1', 'd2', 'd3'], { edits })).toEqual({ accept: [{ demandId: 'd1', resourceId: 'r1' }, { demandId: 'd2', resourceId: 'r3' }], reject: [] })
    expect(rejectBody(pairs, ['d2', 'd3'])).toEqual({ accept: [], reject: ['d2'] })
    expect(acceptBody([pair('u', null)], ['u'], { edits: new Map() }).accept, 'an unmatched demand is accepted only with a resource chosen').toEqual([])
  })

  it('splits a decision into calls of at most 100 demands and puts the decided pairs in place', () => {
    const many = Array.from({ length: 230 }, (_, i) => ({ demandId: `d${i}`, resourceId: 'r' }))
    expect(inCalls({ accept: many, reject: ['x'] }).map((c) => [c.accept.length, c.reject.length])).toEqual([[100, 0], [100, 0], [30, 0], [0, 1]])
    expect(withDecided(pairs, [pair('d2', 'r1', 'FAILED')]).map((p) => p.decision)).toEqual([null, 'FAILED', 'ACCEPTED'])
  })

  it('offers for an edit only resources with the category, the coverage and capacity left after the batch\'s other pairs', () => {
    const resources = [resource('r1'), resource('r2', { categories: ['WISH'] }), resource('r3', { covers: ['C02'] }),
      resource('r4', { capacity: 1 }), resource('r5', { capacity: 3, takenThisMonth: 2 }), resource('r6', { status: 'WITHDRAWN' })]
    const batch = [pair('d1', 'r1'), pair('d2', 'r4'), pair('d3', 'r5')]
    // r1 keeps a place for d1's own move; r4 is full with d2; r5 with this month's two and d3
    expect(demandOf(pair('d1', 'r1'))).toEqual({ id: 'd1', category: 'ELDERLY', gridCode: 'G0101', gridPath: '/D01/S01/C01/G0101/' })
    expect(editOptions(demandOf(pair('d1', 'r1')), resources, batch, { edits: new Map() }).map((r) => r.id)).toEqual(['r1'])
    expect(demandOf(pair('d1', 'r1'))).toEqual({ id: 'd1', category: 'ELDERLY', gridCode: 'G0101', gridPath: '/D01/S01/C01/G0101/' })
    expect(editOptions(demandOf(pair('d1', 'r1')), resources, batch, { edits: new Map([['d2', 'r1']]) }).map((r) => r.id)).toEqual(['r1', 'r4'])
  })

  it('reads how a batch was decided from its head', () => {
    expect(outcome({ accepted: 2, failed: 1 })).toEqual({ accepted: 2, rejected: 0, failed: 1 })
  })
})

describe('projects and taxonomy', () => {
  it('checks participants as the server does', () => {
    expect(participantErrors([{ login: 'a', hours: 2.5 }, { login: 'b', hours: 24 }])).toEqual([])
    expect(participantErrors([])).toEqual(['至少填写一名参与人'])
    expect(participantErrors([{ login: 'a', hours: 0.3 }, { login: 'a', hours: 1 }, { login: ' ', hours: 25 }])).toEqual([
      '第 1 名参与人的时长须为 0.5–24 小时，以半小时计', '参与人 a 重复', '第 3 名参与人未填写账号', '第 3 名参与人的时长须为 0.5–24 小时，以半小时计'])
    expect(totalHours([{ login: 'a', hours: 2.5 }, { login: 'b', hours: 1 }])).toBe(3.5)
  })

  it('puts each of the 13 categories in exactly one group', () => {
    const grouped = Object.values(CATEGORY_GROUPS).flat()
    expect(grouped.sort()).toEqual([...categories].sort())
    expect(categories).toHaveLength(13)
  })
})

describe('indicators', () => {
  it('names categories, statuses and claim-time buckets for the charts, in their order', async () => {
    const { categorySeries, claimTimeSeries, percent, statusSeries } = await import('./indicators')
    const zh = (await import('./i18n/zh-CN')).default
    const cat = categorySeries({ byCategory: { WISH: 1, ELDERLY: 3, CLINIC: 0 } }, zh)
    expect(cat.names).toEqual(['助老助残', '微心愿'])
    expect(cat.data.map((d) => d.value)).toEqual([3, 1])
    expect(statusSeries({ byStatus: { OPEN: 2, CLOSED: 1 } }, zh, ['OPEN', 'CLAIMED', 'CLOSED'])).toEqual({ names: ['待认领', '已认领', '已评价办结'], data: [2, 0, 1] })
    expect(claimTimeSeries({ claimTimeHistogram: [{ upToMinutes: 15, count: 1 }, { upToMinutes: null, count: 2 }] }, zh))
      .toEqual({ names: ['15 分钟内', '更久'], data: [1, 2] })
    expect([percent(0.705), percent(null)]).toEqual(['71%', '—'])
  })
})

describe('claiming on the phone', () => {
  it('claims with a resource covering the demand, one offering its category first, never a full one', async () => {
    const { resourceFor } = await import('./claiming')
    const mine = [resource('full', { capacity: 1, takenThisMonth: 1 }), resource('other', { categories: ['WISH'] }), resource('match'),
      resource('far', { covers: ['C02'] })]
    expect(resourceFor(demand('d'), mine)?.id).toBe('match')
    expect(resourceFor(demand('d', { category: 'CLINIC' }), mine)?.id).toBe('other')
    expect(resourceFor(demand('d'), [mine[0], mine[3]])).toBeUndefined()
  })

  it('tells a member plainly whether they were first', async () => {
    const { claimOutcome, claimingCommunity } = await import('./claiming')
    const { ApiError } = await import('../../api/problem')
    expect(claimOutcome(new ApiError({ status: 409, code: 'DEMAND_ALREADY_CLAIMED', title: '需求已被认领' }))).toEqual({ kind: 'lost' })
    expect(claimOutcome(new ApiError({ status: 409, code: 'RESOURCE_FULL', title: '本月承接已满' }))).toEqual({ kind: 'refused', message: '本月承接已满' })
    expect(claimingCommunity({ grants: [{ role: 'party-member', node: 'C01' }] })).toBe('C01')
  })
})
