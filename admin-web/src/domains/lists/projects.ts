import type { Participant, ProjectStatus } from './model'

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
