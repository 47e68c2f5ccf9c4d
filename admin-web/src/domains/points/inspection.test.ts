import { describe, expect, it } from 'vitest'
import { moveCell, outOfRange, sheetRows, total } from './inspection'
import { gatherScores } from './api'

const criteria = [{ code: 'personal', name: '个人卫生', max: 10 }, { code: 'indoor', name: '室内', max: 10 }, { code: 'surroundings', name: '房前屋后', max: 10 }]

describe('the inspection grid', () => {
  it('moves with the arrow keys inside the grid, and down on Enter', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowDown', 3, 3)).toEqual({ row: 1, col: 0 })
    expect(moveCell({ row: 2, col: 1 }, 'Enter', 3, 3)).toEqual({ row: 2, col: 1 })
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', 3, 3)).toEqual({ row: 0, col: 0 })
    expect(moveCell({ row: 1, col: 2 }, 'ArrowRight', 3, 3)).toEqual({ row: 1, col: 2 })
    expect(moveCell({ row: 1, col: 1 }, 'ArrowLeft', 3, 3)).toEqual({ row: 1, col: 0 })
    expect(moveCell({ row: 1, col: 1 }, 'Tab', 3, 3)).toBeUndefined()
  })

  it('leaves Left and Right to the text until the caret is at its end', () => {
    expect(moveCell({ row: 0, col: 1 }, 'ArrowLeft', 3, 3, { atStart: false, atEnd: true })).toBeUndefined()
    expect(moveCell({ row: 0, col: 1 }, 'ArrowRight', 3, 3, { atStart: true, atEnd: false })).toBeUndefined()
  })

  it('totals a row and finds the scores out of range', () => {
    expect(total({ personal: 9, indoor: 8 }, criteria)).toBe(17)
    expect(outOfRange({ personal: 9, indoor: 11, surroundings: 2.5 }, criteria)).toEqual(['indoor', 'surroundings'])
    expect(outOfRange({ personal: 0, indoor: 10, surroundings: 7 }, criteria)).toEqual([])
    expect(outOfRange({ personal: 0, indoor: 10 }, criteria)).toEqual(['surroundings'])
  })

  it('lists every household of the grid with the scores the sheet has, and keeps scored ones the grid no longer lists', () => {
    const rows = sheetRows(
      [{ householdId: 'H1', label: '王家' }, { householdId: 'H2', label: '1号楼102' }],
      [{ householdId: 'H1', scores: { personal: 9 }, total: 9 }, { householdId: 'H9', label: '搬走户', scores: { personal: 1 } }],
    )
    expect(rows.map((r) => [r.householdId, r.label, r.scores.personal])).toEqual([['H1', '王家', 9], ['H2', '1号楼102', undefined], ['H9', '搬走户', 1]])
  })
})

it('gathers the criteria fields of the API\'s rows under scores', () => {
  const sheet = gatherScores({ gridCode: 'G0101', month: '2026-11', communityCode: 'C01', status: 'OPEN', criteria, threshold: 24,
    scores: [{ householdId: 'H1', label: '王家', personal: 9, indoor: 8, surroundings: 9, total: 26, clean: true }] })
  expect(sheet.scores?.[0].scores).toEqual({ personal: 9, indoor: 8, surroundings: 9 })
  expect(sheet.scores?.[0].total).toBe(26)
})
