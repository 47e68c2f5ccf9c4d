import type { components } from '../../api/schema'
import { daysOf, weekday } from './calendar'

type WorkCalendar = components['schemas']['WorkCalendar']

/** A marked day of the work calendar (工作日历): a holiday off, or a weekend day worked (调休上班). */
export type Mark = 'holiday' | 'workday'

export interface Entry {
  date: string
  mark: Mark
  name: string
}

/** What a day of the year is, by the calendar being edited. */
export type DayKind = 'holiday' | 'workday' | 'weekend' | 'weekday'

/** The calendar as the server keeps it, as one list of entries by date. */
export function entriesOf(calendar: WorkCalendar): Entry[] {
  const holidays = (calendar.holidays ?? []).map((d) => ({ date: d.date!, mark: 'holiday' as const, name: d.name ?? '' }))
  const workdays = (calendar.workdays ?? []).map((d) => ({ date: d.date!, mark: 'workday' as const, name: d.name ?? '' }))
  return [...holidays, ...workdays].sort((a, b) => a.date.localeCompare(b.date))
}

export function kindOf(date: string, entries: Entry[]): DayKind {
  const entry = entries.find((e) => e.date === date)
  if (entry) return entry.mark
  return weekday(date) > 4 ? 'weekend' : 'weekday'
}

/**
 * Clicking a day: a marked day goes back to the plain rule; a weekday becomes a holiday, a weekend day a working day.
 * A new mark takes the name of the day before when that day has the same mark, so a week of 春节 is named once.
 */
export function toggle(entries: Entry[], date: string): Entry[] {
  if (entries.some((e) => e.date === date)) return entries.filter((e) => e.date !== date)
  const mark: Mark = weekday(date) > 4 ? 'workday' : 'holiday'
  const before = entries.find((e) => e.date === dayBefore(date) && e.mark === mark)
  return [...entries, { date, mark, name: before?.name ?? '' }].sort((a, b) => a.date.localeCompare(b.date))
}

/** The PUT body: the whole year, with the version it was read at. */
export function toBody(entries: Entry[], version: number) {
  const day = (e: Entry) => ({ date: e.date, name: e.name.trim() || undefined })
  return {
    version,
    holidays: entries.filter((e) => e.mark === 'holiday').map(day),
    workdays: entries.filter((e) => e.mark === 'workday').map(day),
  }
}

/** A month `YYYY-MM` as weeks from Monday; days outside the month are null. */
export function weeksOf(month: string): (string | null)[][] {
  const days = daysOf(month)
  const cells: (string | null)[] = [...Array(weekday(days[0])).fill(null), ...days]
  while (cells.length % 7) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7))
}

/** The twelve months `YYYY-MM` of a year. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
}

function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10)
}
