import { describe, expect, it } from 'vitest'
import { moveCell, outOfRange, sheetRows, total } from './inspection'

const criteria = [{ code: 'PERSONAL', name: '个人卫生', max: 10 }, { code: 'INDOOR', name: '室内', max: 10 }, { code: 'SURROUNDINGS', name: '房前屋后', max: 10 }]

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
    expect(total({ PERSONAL: 9, INDOOR: 8 }, criteria)).toBe(17)
    expect(outOfRange({ PERSONAL: 9, INDOOR: 11, SURROUNDINGS: 2.5 }, criteria)).toEqual(['INDOOR', 'SURROUNDINGS'])
    expect(outOfRange({ PERSONAL: 0, INDOOR: 10, SURROUNDINGS: 7 }, criteria)).toEqual([])
    expect(outOfRange({ PERSONAL: 0, INDOOR: 10 }, criteria)).toEqual(['SURROUNDINGS'])
  })

  it('lists every household of the grid with the scores the sheet has, and keeps scored ones the grid no longer lists', () => {
    const rows = sheetRows(
      [{ id: 'H1', label: '王家' }, { id: 'H2', address: '1号楼102' }],
      [{ householdId: 'H1', scores: { PERSONAL: 9 }, total: 9 }, { householdId: 'H9', label: '搬走户', scores: { PERSONAL: 1 } }],
    )
    expect(rows.map((r) => [r.householdId, r.label, r.scores.PERSONAL])).toEqual([['H1', '王家', 9], ['H2', '1号楼102', undefined], ['H9', '搬走户', 1]])
  })
})
