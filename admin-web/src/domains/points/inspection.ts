import type { Criterion, ScoreRow } from './api'

/**
 * The inspection sheet's keyboard grid (卫生检查表): one row per household, one cell per criterion. Arrow keys move
 * between cells (Left/Right only at the ends of the text), Enter saves the row and moves down, Tab goes on as usual.
 */
export interface Cell { row: number; col: number }

export function moveCell(at: Cell, key: string, rows: number, cols: number, caret: { atStart: boolean; atEnd: boolean } = { atStart: true, atEnd: true }): Cell | undefined {
  const clamp = (r: number, c: number) => ({ row: Math.min(rows - 1, Math.max(0, r)), col: Math.min(cols - 1, Math.max(0, c)) })
  switch (key) {
    case 'ArrowUp': return clamp(at.row - 1, at.col)
    case 'ArrowDown':
    case 'Enter': return clamp(at.row + 1, at.col)
    case 'ArrowLeft': return caret.atStart ? clamp(at.row, at.col - 1) : undefined
    case 'ArrowRight': return caret.atEnd ? clamp(at.row, at.col + 1) : undefined
    default: return undefined
  }
}

/** A row's total over the sheet's criteria (a cell left blank counts 0). */
export function total(scores: Record<string, number | undefined>, criteria: Criterion[]): number {
  return criteria.reduce((sum, c) => sum + (Number(scores[c.code]) || 0), 0)
}

/** The cells whose score is not a whole number from 0 to the criterion's top score. */
export function outOfRange(scores: Record<string, number | undefined>, criteria: Criterion[]): string[] {
  return criteria.filter((c) => {
    const v = scores[c.code]
    return v === undefined || !Number.isInteger(v) || v < 0 || v > c.max
  }).map((c) => c.code)
}

/** Every household of the grid, with its scores where the sheet has them (the sheet's rows are the scored ones). */
export function sheetRows(households: { householdId: string; label?: string }[], scored: ScoreRow[]): ScoreRow[] {
  const byId = new Map(scored.map((s) => [s.householdId, s]))
  const rows: ScoreRow[] = households.map((h) => {
    const s = byId.get(h.householdId)
    return { ...s, householdId: h.householdId, label: s?.label ?? h.label, scores: { ...(s?.scores ?? {}) } }
  })
  const listed = new Set(rows.map((r) => r.householdId))
  return [...rows, ...scored.filter((s) => !listed.has(s.householdId))]
}
