import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { DEMAND_COLUMNS, beijing, demandTemplate, exportDemands, parseDemandSheet, serverRowErrors, wallClock } from './excel'
import type { Demand } from './model'

async function sheet(rows: ExcelJS.CellValue[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('需求')
  ws.addRow([...DEMAND_COLUMNS])
  rows.forEach((r) => ws.addRow(r))
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

describe('demand import sheet', () => {
  it('reads names or codes into the API body, on Beijing time, and flags each bad row with its reasons', async () => {
    const rows = await parseDemandSheet(await sheet([
      ['修水管', '助老助残', '幸福一网格', '紧急', '水电维修、管道', '2026-12-01 09:00', '2026-12-01 17:00', '厨房漏水', 'H1,H2'],
      ['', '修车', 'G0101', '9', '', '2026-12-01', '2026-11-30', '', ''],
      [],
      ['读书会', 'CULTURE', 'G0102', '', '', new Date(Date.UTC(2026, 11, 2, 14, 30)), '', '', ''],
      ['日期不对', 'WISH', 'G0101', '', '', '2026-02-30', '', '', ''],
    ]), new Map([['幸福一网格', 'G0101']]))
    expect(rows.map((r) => r.row)).toEqual([2, 3, 5, 6])
    expect(rows[0]).toEqual({ row: 2, errors: [], demand: {
      title: '修水管', category: 'ELDERLY', gridCode: 'G0101', urgency: 4, skills: ['水电维修', '管道'], description: '厨房漏水',
      householdIds: ['H1', 'H2'], windowStart: '2026-12-01T01:00:00.000Z', windowEnd: '2026-12-01T09:00:00.000Z',
    } })
    expect(rows[1].errors).toEqual(['需求标题必填', '类别“修车”不在 13 类之中', '紧急程度须为 1–5 或 不急、一般、较急、紧急、非常紧急', '结束时间须晚于开始时间'])
    expect(rows[2].errors).toEqual([])
    expect(rows[2].demand).toMatchObject({ category: 'CULTURE', urgency: 3, windowStart: '2026-12-02T06:30:00.000Z' })
    expect(rows[3].errors).toEqual(['开始时间须为日期，如 2026-12-01 09:00'])
  })

  it('the template parses to its own valid example row', async () => {
    const rows = await parseDemandSheet(await demandTemplate())
    expect(rows).toHaveLength(1)
    expect(rows[0].errors).toEqual([])
  })

  it('puts the server\'s field errors back on the sheet rows they name', async () => {
    const rows = await parseDemandSheet(await sheet([['甲', 'WISH', 'G0101'], [], ['乙', 'WISH', 'G9999']]))
    const errors = serverRowErrors(rows, [{ field: 'rows[1].gridCode', message: '网格不存在' }, { field: 'rows', message: '至少一行' }])
    expect([...errors]).toEqual([[4, ['网格不存在']], [0, ['至少一行']]])
  })

  it('reads wall-clock times and refuses what is not one', () => {
    expect(wallClock('2026-12-01 08:00')).toBe('2026-12-01T00:00:00.000Z')
    expect(wallClock('2026-12-01')).toBe('2026-11-30T16:00:00.000Z')
    expect(wallClock('明天')).toBeNull()
    expect(wallClock('')).toBeUndefined()
    expect(beijing('2026-12-01T00:00:00Z')).toBe('2026-12-01 08:00')
  })

  it('exports demands with names, and the export imports again to the same demands', async () => {
    const demand: Demand = {
      id: 'd1', title: '修水管', category: 'ELDERLY', gridCode: 'G0101', urgency: 4, skills: ['水电维修'], status: 'CLOSED', source: 'PHONE',
      windowStart: '2026-12-01T01:00:00Z', windowEnd: '2026-12-01T09:00:00Z', publishedAt: '2026-11-25T10:00:00Z',
      claim: { claimant: 'party.member', resourceId: 'r1', via: 'CLAIM', claimedAt: '2026-11-25T10:30:00Z' }, feedback: { rating: 5, comment: '很好' },
    }
    const data = await exportDemands([demand], (c) => (c === 'G0101' ? '幸福一网格' : c))
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(data)
    const values = (wb.worksheets[0].getRow(2).values as ExcelJS.CellValue[]).slice(1)
    expect(values).toEqual(['修水管', '助老助残', '幸福一网格', '紧急', '水电维修', '2026-12-01 09:00', '2026-12-01 17:00', '', '',
      '已评价办结', '群众点单', '2026-11-25 18:00', 'party.member', '5 星 很好'])
    const again = await parseDemandSheet(data, new Map([['幸福一网格', 'G0101']]))
    expect(again[0].errors).toEqual([])
    expect(again[0].demand).toEqual({ title: '修水管', category: 'ELDERLY', gridCode: 'G0101', urgency: 4, skills: ['水电维修'],
      windowStart: '2026-12-01T01:00:00.000Z', windowEnd: '2026-12-01T09:00:00.000Z' })
  })
})
