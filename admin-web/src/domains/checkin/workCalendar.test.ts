import { describe, expect, it } from 'vitest'
import { entriesOf, kindOf, monthsOf, toBody, toggle, weeksOf } from './workCalendar'

describe('work calendar', () => {
  it('lays a month out in weeks from Monday', () => {
    const weeks = weeksOf('2026-10') // 1 October 2026 is a Thursday
    expect(weeks[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04'])
    expect(weeks.flat().filter(Boolean)).toHaveLength(31)
    expect(weeks.every((w) => w.length === 7)).toBe(true)
    expect(monthsOf(2026)).toHaveLength(12)
  })

  it('marks a weekday as a holiday and a weekend day as worked, and unmarks them again', () => {
    let entries = toggle([], '2026-10-01')
    expect(entries).toEqual([{ date: '2026-10-01', mark: 'holiday', name: '' }])
    entries = toggle(entries, '2026-09-27') // a Sunday
    expect(kindOf('2026-09-27', entries)).toBe('workday')
    expect(kindOf('2026-10-03', entries)).toBe('weekend')
    expect(kindOf('2026-10-05', entries)).toBe('weekday')
    expect(toggle(entries, '2026-10-01').map((e) => e.date)).toEqual(['2026-09-27'])
  })

  it('names a new holiday after the day before it', () => {
    const entries = toggle([{ date: '2026-10-01', mark: 'holiday', name: '国庆节' }], '2026-10-02')
    expect(entries[1]).toEqual({ date: '2026-10-02', mark: 'holiday', name: '国庆节' })
    expect(toggle(entries, '2026-10-05')[2].name).toBe('')
  })

  it('reads what the server keeps and sends the whole year back with its version', () => {
    const entries = entriesOf({
      district: 'D01', year: 2026, set: true, version: 3,
      holidays: [{ date: '2026-10-01', name: '国庆节' }],
      workdays: [{ date: '2026-09-27' }],
    })
    expect(entries.map((e) => e.date)).toEqual(['2026-09-27', '2026-10-01'])
    expect(toBody(entries, 3)).toEqual({
      version: 3,
      holidays: [{ date: '2026-10-01', name: '国庆节' }],
      workdays: [{ date: '2026-09-27', name: undefined }],
    })
  })
})
