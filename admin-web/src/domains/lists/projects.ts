import type { Participant, Project, ProjectChanges, ProjectStatus, Resource } from './model'

/** The board's columns, in the order a project moves through them (计划中 → 实施中 → 已完成 → 已评估). */
export const STAGES: ProjectStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'EVALUATED']

/** The one move staff can make from each stage (the server refuses any other with PROJECT_STATE). */
export const NEXT_ACTION: Partial<Record<ProjectStatus, 'start' | 'complete' | 'evaluate'>> = {
  PLANNED: 'start', IN_PROGRESS: 'complete', DONE: 'evaluate',
}

/** A completion's participants checked as the server checks them: 1–50 distinct logins, 0.5–24 hours in half hours. */
export function participantErrors(participants: Participant[]): string[] {
  const errors: string[] = []
  if (!participants.length) errors.push('至少填写一名参与人')
  if (participants.length > 50) errors.push('参与人不超过 50 名')
  const seen = new Set<string>()
  participants.forEach((p, i) => {
    const login = p.login.trim()
    if (!login) errors.push(`第 ${i + 1} 名参与人未填写账号`)
    else if (seen.has(login)) errors.push(`参与人 ${login} 重复`)
    seen.add(login)
    if (!(p.hours >= 0.5 && p.hours <= 24) || !Number.isInteger(p.hours * 2)) errors.push(`第 ${i + 1} 名参与人的时长须为 0.5–24 小时，以半小时计`)
  })
  return errors
}

export const totalHours = (participants: Participant[] = []) => participants.reduce((s, p) => s + p.hours, 0)

/** 元 as typed in the form ↔ 分 as the API keeps money. */
export const toFen = (yuan: number) => Math.round(yuan * 100)

export const toYuan = (fen = 0) => fen / 100

/** A planned project as its form edits it (money in 元). */
export interface ProjectDraft {
  title: string
  category: string
  ownerUnit: string
  theme: string
  dates: [string, string] | null
  budget: number
  demandIds: string[]
  resourceIds: string[]
  published: boolean
}

export function draftOf(p: Project): ProjectDraft {
  return { title: p.title, category: p.category, ownerUnit: p.ownerUnit, theme: p.theme ?? '', dates: [p.startDate, p.endDate],
    budget: toYuan(p.budget), demandIds: [...(p.demandIds ?? [])], resourceIds: [...(p.resourceIds ?? [])], published: p.published ?? false }
}

const sameIds = (a: string[], b: string[] = []) => a.length === b.length && a.every((x, i) => x === b[i])

/** The PATCH of an edit: only what differs from the project as read, and the version read (an empty theme clears it). */
export function changesOf(p: Project, d: ProjectDraft): ProjectChanges {
  const changes: ProjectChanges = { version: p.version }
  const title = d.title.trim()
  const ownerUnit = d.ownerUnit.trim()
  const theme = d.theme.trim()
  if (title !== p.title) changes.title = title
  if (d.category !== p.category) changes.category = d.category
  if (ownerUnit !== p.ownerUnit) changes.ownerUnit = ownerUnit
  if (theme !== (p.theme ?? '')) changes.theme = theme
  if (d.dates && d.dates[0] !== p.startDate) changes.startDate = d.dates[0]
  if (d.dates && d.dates[1] !== p.endDate) changes.endDate = d.dates[1]
  if (toFen(d.budget) !== (p.budget ?? 0)) changes.budget = toFen(d.budget)
  if (!sameIds(d.demandIds, p.demandIds)) changes.demandIds = d.demandIds
  if (!sameIds(d.resourceIds, p.resourceIds)) changes.resourceIds = d.resourceIds
  if (d.published !== (p.published ?? false)) changes.published = d.published
  return changes
}

/** Whether `login` picked the project (认领) with any of their resources. */
export const pickedBy = (p: Project, login: string) => (p.picks ?? []).some((k) => k.login === login)

/** The caller's resources a pick may use: their active ones not yet in the project. */
export const pickable = (p: Project, mine: Resource[]) => mine.filter((r) => r.status === 'ACTIVE' && !(p.resourceIds ?? []).includes(r.id))

/** One line per project (a unit that picked a project with two resources lists it twice). */
export const distinctProjects = (projects: Project[]) => projects.filter((p, i) => projects.findIndex((x) => x.id === p.id) === i)
