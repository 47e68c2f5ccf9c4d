import type { components } from '../../api/schema'

type S = components['schemas']

/**
 * The three lists' records as the lists API sends them (三张清单: 需求清单, 资源清单, 项目清单; 匹配批次; 指标), with
 * the fields the API always fills marked required (the generated schema marks every response field optional). The
 * value lists are the generated enums': a value the API adds or drops breaks the build until the labels name it.
 */
export const CATEGORIES = [
  'CARE', 'LABOUR', 'INFO', 'MEDIATION', 'WISH', 'CLINIC', 'LEGAL', 'FINANCE', 'HEALTH', 'ENVIRONMENT', 'ELDERLY', 'CULTURE', 'PATROL',
] as const
export type Category = (typeof CATEGORIES)[number]

export type DemandStatus = S['DemandStatus']
export const DEMAND_STATUSES = ['OPEN', 'CLAIMED', 'MATCHED', 'DONE', 'CLOSED', 'CANCELLED'] as const satisfies readonly DemandStatus[]

export type ProjectStatus = S['ProjectStatus']

export type ResourceKind = S['ResourceKind']

export type Criterion = S['FitCriterion']

export interface Claim {
  claimant: string
  resourceId: string
  via: 'CLAIM' | 'MATCHING'
  claimedAt: string
  minutesToClaim?: number | null
  decidedBy?: string | null
}

export interface Feedback { rating: number; comment?: string | null; by?: string; at?: string }

export interface Demand {
  id: string
  title: string
  description?: string | null
  category: Category
  gridCode: string
  gridPath?: string
  communityCode?: string
  householdIds?: string[]
  skills?: string[]
  urgency: number
  windowStart?: string | null
  windowEnd?: string | null
  source?: S['DemandSource']
  status: DemandStatus
  submittedBy?: string
  publishedAt?: string
  claim?: Claim | null
  doneAt?: string | null
  doneNote?: string | null
  feedback?: Feedback | null
  version?: number
}

/** What a new demand is made of (a phone submission, a console form, or one imported row). */
export interface DemandDraft {
  title: string
  description?: string
  category: Category
  gridCode: string
  householdIds?: string[]
  skills?: string[]
  urgency?: number
  windowStart?: string
  windowEnd?: string
}

export interface Resource {
  id: string
  kind: ResourceKind
  name: string
  description?: string | null
  nodeCode: string
  nodePath?: string
  covers: string[]
  categories: Category[]
  skills?: string[]
  capacity: number
  hoursPerMonth?: number | null
  availableFrom?: string | null
  availableTo?: string | null
  status: S['ResourceStatus']
  owner: string
  takenThisMonth?: number
  version?: number
}

/**
 * What a resource is made of: offered on the phone or in the console, one imported row, or an edit (every field, its
 * base and kind unchanged, with the version read).
 */
export interface ResourceDraft {
  kind: ResourceKind
  name: string
  description?: string
  nodeCode: string
  covers: string[]
  categories: Category[]
  skills?: string[]
  capacity: number
  hoursPerMonth?: number
  availableFrom?: string
  availableTo?: string
  version?: number
}

/** A project as the community admin plans it (项目清单). */
export type NewProject = S['NewProject'] & { category: Category }

export interface Participant { login: string; hours: number }

/** 认领: a partner unit's resource added to a published project by its owner. */
export interface ProjectPick { resourceId: string; resourceName: string; login: string; pickedAt: string }

/** Changes to a planned project: absent fields stay; applied only to the version read. */
export type ProjectChanges = S['ProjectChanges']

export interface Project {
  id: string
  title: string
  description?: string | null
  category: Category
  communityCode: string
  ownerUnit: string
  theme?: string | null
  startDate: string
  endDate: string
  budget?: number
  demandIds?: string[]
  resourceIds?: string[]
  published?: boolean
  picks?: ProjectPick[]
  status: ProjectStatus
  version: number
  participants?: Participant[]
  beneficiaryHouseholdIds?: string[]
  /** Keys of the kept outcome photos; GET /lists/projects/{id} gives their view URLs. */
  outcomePhotoKeys?: string[]
  summary?: string | null
  completedAt?: string | null
  evaluation?: Feedback | null
}

export interface FitComponent { criterion: Criterion; score: number; weight: number; contribution: number }

/** A proposed pair of a batch, or (no resource, a reason) a demand the batch left without one; read a page at a time. */
export interface Pair {
  demandId: string
  gridPath?: string
  title?: string
  category?: Category
  urgency?: number
  resourceId?: string | null
  resourceName?: string | null
  resourceKind?: ResourceKind | null
  resourceOwner?: string | null
  fit?: { total: number; components: FitComponent[]; explanation?: string } | null
  unmatchedReason?: 'NO_CANDIDATE' | 'CAPACITY_TAKEN' | null
  decision?: 'ACCEPTED' | 'REJECTED' | 'FAILED' | null
  decisionCode?: string | null
  decidedResourceId?: string | null
}

export interface Weights { category: number; skill: number; proximity: number; time: number; urgency: number }

/** A batch's head: its totals and counts; the pairs are paged (`lists.pairs`). */
export interface Batch {
  id: string
  nodeCode: string
  nodePath?: string
  createdBy?: string
  createdAt?: string
  weights?: Weights
  totalFit: number
  candidateEdges?: number
  demandCount: number
  resourceCount: number
  pairCount: number
  unmatchedCount: number
  noCandidateCount?: number
  accepted?: number
  rejected?: number
  failed?: number
}

/** What a decision answers: the head with its counters and the pairs just decided. */
export interface Decided {
  batch: Batch
  pairs: Pair[]
}

export interface Indicators {
  nodeCode: string
  month: string
  byStatus: Partial<Record<DemandStatus, number>>
  byCategory: Partial<Record<Category, number>>
  byGrid: Record<string, number>
  total: number
  matchRate?: number | null
  medianMinutesToClaim?: number | null
  claimTimeHistogram?: { upToMinutes?: number | null; count: number }[]
  resources?: number
  capacity?: number
  taken?: number
  utilisation?: number | null
}

export interface Page<T> { items: T[]; nextCursor?: string | null }
