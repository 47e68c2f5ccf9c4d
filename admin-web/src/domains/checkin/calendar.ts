import type { components } from '../../api/schema'

type GridAttendance = components['schemas']['GridAttendance']
type CalendarDay = components['schemas']['Day']

/** What one member's day shows on the attendance calendar (考勤日历). */
export type DayState = 'present' | 'partial' | 'missed' | 'leave' | 'outside' | 'weekend' | 'future' | 'none'

export interface Cell {
  day: string
  date: number
  state: DayState
  in?: string
  out?: string
  leave?: string
  outside: number
}

export interface CalendarRow {
  memberId: string
  name: string
  cells: Cell[]
  missed: number
  outside: number
  leave: number
}

/** Every day of a month `YYYY-MM`, as `YYYY-MM-DD`. */
export function daysOf(month: string): string[] {
  const [y, m] = month.split('-').map(Number)
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)
}

/** Monday 0 … Sunday 6 of a `YYYY-MM-DD`. */
export function weekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

/**
 * The state of a day, the most telling first: leave, then a clock-in (a day clocked in but never out, once over, is
 * partial), then a missed working day (the server decides which days are missed: it knows holidays and leave), then
 * refused attempts outside the grid, then days still to come and days off.
 */
export function stateOf(day: string, entry: CalendarDay | undefined, missed: boolean, working: boolean, today: string): DayState {
  if (entry?.leave) return 'leave'
  if (entry?.in) return entry.out || day >= today ? 'present' : 'partial'
  if (missed) return 'missed'
  if (entry?.outside) return 'outside'
  if (day >= today) return 'future'
  return working ? 'none' : 'weekend'
}

/** One row per member of the grid's month, one cell per day of the month, with the month's anomaly counts. */
export function calendarRows(calendar: GridAttendance, today: string, nameOf: (memberId: string) => string = (id) => id): CalendarRow[] {
  const days = daysOf(calendar.month ?? today.slice(0, 7))
  const working = new Set(calendar.workingDays)
  return (calendar.members ?? []).map((m) => {
    const byDay = new Map((m.days ?? []).map((d) => [d.day, d]))
    const missed = new Set(m.missedDays)
    const cells = days.map((day): Cell => {
      const entry = byDay.get(day)
      return {
        day, date: Number(day.slice(8)), state: stateOf(day, entry, missed.has(day), working.has(day), today),
        in: entry?.in ?? undefined, out: entry?.out ?? undefined, leave: entry?.leave ?? undefined, outside: entry?.outside ?? 0,
      }
    })
    return {
      memberId: m.memberId ?? '', name: nameOf(m.memberId ?? ''), cells, missed: missed.size, outside: m.outsideAttempts ?? 0,
      leave: cells.filter((c) => c.state === 'leave').length,
    }
  })
}

/** The quarter `2026Q4` a day `2026-11-25` or month `2026-11` falls in. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`
}

/** This quarter and the `count - 1` before it, newest first. */
export function recentQuarters(today: string, count: number): string[] {
  let year = Number(today.slice(0, 4))
  let q = Number(quarterOf(today).slice(5))
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    out.push(`${year}Q${q}`)
    if (--q === 0) {
      q = 4
      year--
    }
  }
  return out
}

/** Whether a quarter has ended by `today` (only an ended quarter can be published). */
export function quarterOver(quarter: string, today: string): boolean {
  return quarter < quarterOf(today)
}

/** The local date `YYYY-MM-DD` (the browser's zone: the people using it are where the grid is). */
export function localDay(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

/** Minutes as hours with at most one decimal: 90 → "1.5", 120 → "2". */
export function hours(minutes?: number | null): string {
  return String(Math.round(((minutes ?? 0) / 60) * 10) / 10)
}

/** Leave days between two days, both included. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')
  return Math.round(ms / 86_400_000) + 1
}
