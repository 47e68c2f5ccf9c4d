import { api } from '../../api/client'
import type { components } from '../../api/schema'

/**
 * The points routes as the console calls them. Generated types where the OpenAPI document has them; the routes issue
 * 12 adds (rules, inspection sheets, counter look-up, resident view, reports) are typed here after the backend's API
 * notes until they are in `schema.d.ts`, and go through the same client (token, problem+json as ApiError).
 */
type S = components['schemas']
export type Store = S['Store']
export type Good = S['Good']
export type Award = S['Award']
export type StatementLine = S['StatementLine'] & { ruleId?: string; ruleVersion?: number }
export type TrialBalance = S['TrialBalance']
export type ChainCheck = S['ChainCheck']
export type PointsAccount = S['PointsAccount']

export type RuleKind = 'INSPECTION' | 'SERVICE_HOUR' | 'PROJECT_HOUR' | 'PROJECT' | 'MANUAL'
export const RULE_KINDS: RuleKind[] = ['INSPECTION', 'SERVICE_HOUR', 'PROJECT_HOUR', 'PROJECT', 'MANUAL']

export interface Rule {
  communityCode: string
  id: string
  kind: RuleKind
  name: string
  points: number
  unit?: string
  monthlyCap?: number
  threshold?: number
  maxScore?: number
  active: boolean
  version: number
  changedBy?: string
  changedAt?: string
}
export type RuleDraft = Pick<Rule, 'name' | 'points' | 'monthlyCap' | 'threshold' | 'maxScore'> & { kind?: RuleKind; active?: boolean; version?: number }

export interface Settings {
  approvalThreshold: number
  issuingLimit: number
  householdMonthlyCap?: number | null
  expiryMonths?: number | null
}

export interface Criterion { code: string; name: string; max: number }
export interface ScoreRow {
  householdId: string
  label?: string
  scores: Record<string, number>
  total?: number
  clean?: boolean
  scoredBy?: string
  scoredAt?: string
  entryId?: string
  points?: number
}
export interface Sheet {
  gridCode: string
  gridName?: string
  month: string
  communityCode: string
  status: 'OPEN' | 'PUBLISHING' | 'PUBLISHED'
  criteria: Criterion[]
  threshold: number
  publishedAt?: string
  /** Each scored household, its criteria's scores gathered under `scores` (the API sends them beside the row's fields). */
  scores?: ScoreRow[]
  /** The grid's household accounts, to be scored. */
  households?: { householdId: string; label?: string }[]
  version?: number
}

/** The sheet as the API sends it: a row's scores are fields named by the criteria's codes. */
type SheetAnswer = Omit<Sheet, 'scores'> & { scores?: (Omit<ScoreRow, 'scores'> & Record<string, unknown>)[] }

/** Gathers each row's criterion fields under `scores`, so the page keeps one shape. */
export function gatherScores(sheet: SheetAnswer): Sheet {
  const codes = sheet.criteria.map((c) => c.code)
  return {
    ...sheet,
    scores: (sheet.scores ?? []).map((row) => ({
      ...row,
      scores: Object.fromEntries(codes.filter((c) => typeof row[c] === 'number').map((c) => [c, row[c] as number])),
    })),
  }
}

export interface CommunityChain { communityCode: string; accounts: number; intact: boolean; breaks: ChainCheck[] }
export interface CounterHousehold { householdId: string; label?: string; nodeCode?: string; balance: number }
export interface CounterLookup { store: Store; goods: Good[]; households: CounterHousehold[] }
export type Receipt = S['Redemption'] & { storeName?: string; goodName?: string; balanceAfter?: number }

export interface Me {
  householdId: string
  label?: string
  communityCode: string
  balance: number
  statement: { items: StatementLine[]; nextCursor?: string }
  qr: { token: string; expiresAt: string }
}

export interface MonthSales { month: string; points: number; quantity: number; redemptions: number }
export interface Leader { rank: number; householdId: string; label?: string; earned: number }
export interface MonthFlows { month: string; issued: number; redeemed: number; expired: number }
export interface MonthlyReport extends MonthFlows {
  communityCode: string
  byKind: Partial<Record<RuleKind, number>>
  byRule: { ruleId: string; name: string; points: number }[]
  byGrid: { gridCode: string; name: string; issued: number }[]
  series: MonthFlows[]
}

type Init = { query?: Record<string, string | number | undefined>; body?: unknown; key?: string }
type Call = (path: string, init?: object) => Promise<{ data?: unknown }>
/** The client without its path table, for the routes not yet in the generated document. */
const raw = () => api() as unknown as { GET: Call; POST: Call; PUT: Call }

async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, init: Init = {}): Promise<T> {
  const { data } = await raw()[method](path, {
    params: { query: init.query },
    body: init.body,
    headers: init.key ? { 'Idempotency-Key': init.key } : undefined,
  })
  return data as T
}

const enc = encodeURIComponent

export const points = {
  // rule catalogue 规则目录
  rules: (community: string) => call<Rule[]>('GET', `/points/communities/${enc(community)}/rules`),
  versions: (community: string, ruleId: string) => call<Rule[]>('GET', `/points/communities/${enc(community)}/rules/${enc(ruleId)}/versions`),
  createRule: (community: string, body: RuleDraft, key: string) => call<Rule>('POST', `/points/communities/${enc(community)}/rules`, { body, key }),
  updateRule: (community: string, ruleId: string, body: RuleDraft) => call<Rule>('PUT', `/points/communities/${enc(community)}/rules/${enc(ruleId)}`, { body }),
  settings: (community: string) => call<Settings>('GET', `/points/communities/${enc(community)}/settings`),
  saveSettings: (community: string, body: Settings) => call<Settings>('PUT', `/points/communities/${enc(community)}/settings`, { body }),

  // awards 人工奖励
  award: (body: { householdId: string; points: number; reason: string; ruleId?: string }, key: string) =>
    call<Award>('POST', '/points/awards', { body, key }),
  pending: (community: string, cursor?: string) => call<{ items?: Award[]; nextCursor?: string }>('GET', '/points/awards', { query: { community, cursor, limit: 50 } }),
  approve: (id: string, key: string) => call<Award>('POST', `/points/awards/${enc(id)}/approve`, { key }),
  openAccount: (body: { householdId: string; nodeCode: string }, key: string) => call<PointsAccount>('POST', '/points/accounts', { body, key }),

  // inspection sheet 卫生检查表
  sheet: (grid: string, month: string) => call<SheetAnswer>('GET', `/points/inspections/${enc(grid)}/${enc(month)}`).then(gatherScores),
  openSheet: (gridCode: string, month: string, key: string) => call<SheetAnswer>('POST', '/points/inspections', { body: { gridCode, month }, key }).then(gatherScores),
  score: (grid: string, month: string, householdId: string, scores: Record<string, number>) =>
    call<SheetAnswer>('PUT', `/points/inspections/${enc(grid)}/${enc(month)}/scores/${enc(householdId)}`, { body: scores }).then(gatherScores),
  publish: (grid: string, month: string, key: string) =>
    call<SheetAnswer>('POST', `/points/inspections/${enc(grid)}/${enc(month)}/publish`, { key }).then(gatherScores),

  // stores and the counter 积分超市
  stores: (node: string) => call<Store[]>('GET', '/points/stores', { query: { node } }),
  openStore: (body: { name: string; nodeCode: string }, key: string) => call<Store>('POST', '/points/stores', { body, key }),
  goods: (store: string) => call<Good[]>('GET', `/points/stores/${enc(store)}/goods`),
  addGood: (store: string, body: { name: string; price: number; stock: number }, key: string) => call<Good>('POST', `/points/stores/${enc(store)}/goods`, { body, key }),
  restock: (store: string, good: string, quantity: number, key: string) =>
    call<Good>('POST', `/points/stores/${enc(store)}/goods/${enc(good)}/restock`, { body: { quantity }, key }),
  lookup: (store: string, q: string) => call<CounterLookup>('GET', '/points/counter/households', { query: { store, q } }),
  redeem: (body: { storeId: string; goodId: string; householdId: string; quantity: number }, key: string) =>
    call<Receipt>('POST', '/points/redemptions', { body, key }),
  cancel: (id: string, key: string) => call<Receipt>('POST', `/points/redemptions/${enc(id)}/cancel`, { key }),

  // ledger 账本
  account: (id: string) => call<PointsAccount>('GET', `/points/accounts/${enc(id)}`),
  statement: (id: string, cursor: string | undefined, limit: number) =>
    call<{ items?: StatementLine[]; nextCursor?: string }>('GET', `/points/accounts/${enc(id)}/statement`, { query: { cursor, limit } }),
  chain: (id: string) => call<ChainCheck>('GET', `/points/accounts/${enc(id)}/chain`),
  communityChain: (community: string) => call<CommunityChain>('GET', `/points/communities/${enc(community)}/chain-check`),
  trialBalance: (community: string) => call<TrialBalance>('GET', `/points/communities/${enc(community)}/trial-balance`),

  // reports 报表
  sales: (store: string, to?: string) => call<MonthSales[]>('GET', `/points/stores/${enc(store)}/sales`, { query: { to } }),
  leaderboard: (grid: string, year: number, limit = 20) => call<Leader[]>('GET', `/points/grids/${enc(grid)}/leaderboard`, { query: { year, limit } }),
  report: (community: string, month: string) => call<MonthlyReport>('GET', `/points/communities/${enc(community)}/report`, { query: { month } }),

  // the resident 我的积分
  me: (cursor?: string, limit = 20) => call<Me>('GET', '/points/me', { query: { cursor, limit } }),
  myStores: () => call<{ store: Store; goods: Good[] }[]>('GET', '/points/me/stores'),
}

/** A household's account id (the ledger names accounts HH-<household id>). */
export const householdAccount = (householdId: string) => `HH-${householdId}`

/** This month as the API names months (yyyy-MM, China time). */
export function monthOf(date: Date = new Date()): string {
  const china = new Date(date.getTime() + 8 * 3600_000)
  return china.toISOString().slice(0, 7)
}
