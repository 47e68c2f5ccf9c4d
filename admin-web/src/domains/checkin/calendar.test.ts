import { describe, expect, it } from 'vitest'
import { calendarRows, daysBetween, daysOf, hours, quarterOf, quarterOver, recentQuarters, stateOf, weekday } from './calendar'

describe('attendance calendar', () => {
  it('lists the days of a month, leap years included, and knows their weekday', () => {
    expect(daysOf('2026-11')).toHaveLength(30)
    expect(daysOf('2028-02').at(-1)).toBe('2028-02-29')
    expect(weekday('2026-11-23')).toBe(0) // a Monday
    expect(weekday('2026-11-29')).toBe(6)
  })

  it('gives each day the most telling state', () => {
    const today = '2026-11-25'
    expect(stateOf('2026-11-02', { day: '2026-11-02', leave: 'SICK', in: '08:01:00' }, false, true, today)).toBe('leave')
    expect(stateOf('2026-11-03', { day: '2026-11-03', in: '08:01:00', out: '17:30:00' }, false, true, today)).toBe('present')
    expect(stateOf('2026-11-04', { day: '2026-11-04', in: '08:01:00' }, false, true, today)).toBe('partial')
    expect(stateOf(today, { day: today, in: '08:01:00' }, false, true, today)).toBe('present')
    expect(stateOf('2026-11-05', { day: '2026-11-05', outside: 2 }, true, true, today)).toBe('missed')
    expect(stateOf('2026-11-06', { day: '2026-11-06', outside: 1 }, false, true, today)).toBe('outside')
    expect(stateOf('2026-11-07', undefined, false, false, today)).toBe('weekend')
    expect(stateOf('2026-11-26', undefined, false, true, today)).toBe('future')
  })

  it('builds a row per member with a cell per day and the month\'s anomalies', () => {
    const rows = calendarRows({
      gridCode: 'G0101', month: '2026-11', workingDays: ['2026-11-02', '2026-11-03', '2026-11-04'],
      members: [{
        memberId: 'grid.worker', outsideAttempts: 1, missedDays: ['2026-11-04'],
        days: [{ day: '2026-11-02', in: '08:30:00', out: '17:40:00' }, { day: '2026-11-03', leave: 'PERSONAL' }, { day: '2026-11-04', outside: 1 }],
      }],
    }, '2026-11-25', (id) => (id === 'grid.worker' ? '张网格员' : id))
    expect(rows).toHaveLength(1)
    const [row] = rows
    expect(row.name).toBe('张网格员')
    expect(row.cells).toHaveLength(30)
    expect(row.cells.slice(0, 4).map((c) => c.state)).toEqual(['weekend', 'present', 'leave', 'missed'])
    expect(row.cells[1]).toMatchObject({ in: '08:30:00', out: '17:40:00', date: 2 })
    expect([row.missed, row.outside, row.leave]).toEqual([1, 1, 1])
    expect(row.cells.at(-1)!.state).toBe('future')
  })
})

describe('quarters and hours', () => {
  it('names quarters and says which are over', () => {
    expect(quarterOf('2026-11-25')).toBe('2026Q4')
    expect(quarterOf('2026-03')).toBe('2026Q1')
    expect(recentQuarters('2026-02-01', 3)).toEqual(['2026Q1', '2025Q4', '2025Q3'])
    expect(quarterOver('2026Q3', '2026-11-25')).toBe(true)
    expect(quarterOver('2026Q4', '2026-11-25')).toBe(false)
  })

  it('shows minutes as hours and counts leave days', () => {
    expect(hours(90)).toBe('1.5')
    expect(hours(120)).toBe('2')
    expect(hours(undefined)).toBe('0')
    expect(daysBetween('2026-11-26', '2026-11-27')).toBe(2)
    expect(daysBetween('2026-10-31', '2026-11-01')).toBe(2)
  })
})
