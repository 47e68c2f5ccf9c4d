import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import {
  DEMAND_COLUMNS, DEMAND_SHEET, RESOURCE_COLUMNS, RESOURCE_SHEET, beijing, exportDemands, exportResources, parseSheet, serverRowErrors, sheetTemplate, wallClock,
} from './excel'
import type { Demand, Resource } from './model'

async function sheet(rows: ExcelJS.CellValue[][], columns: readonly string[] = DEMAND_COLUMNS): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('表')
  ws.addRow([...columns])
  rows.forEach((r) => ws.addRow(r))
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

describe('demand import sheet', () => {
  it('reads names or codes into the API body, on Beijing time, and flags each bad row with its reasons', async () => {
    const rows = await parseSheet(DEMAND_SHEET, await sheet([
      ['修水管', '助老助残', '幸福一网格', '紧急', '水电维修、管道', '2026-12-01 09:00', '2026-12-01 17:00', '厨房漏水', 'H1,H2'],
      ['', '修车', 'G0101', '9', '', '2026-12-01', '2026-11-30', '', ''],
      [],
      ['读书会', 'CULTURE', 'G0102', '', '', new Date(Date.UTC(2026, 11, 2, 14, 30)), '', '', ''],
      ['日期不对', 'WISH', 'G0101', '', '', '2026-02-30', '', '', ''],
    ]), new Map([['幸福一网格', 'G0101']]))
    expect(rows.map((r) => r.row)).toEqual([2, 3, 5, 6])
    expect(rows[0]).toEqual({ row: 2, errors: [], value: {
      title: '修水管', category: 'ELDERLY', gridCode: 'G0101', urgency: 4, skills: ['水电维修', '管道'], description: '厨房漏水',
      householdIds: ['H1', 'H2'], windowStart: '2026-12-01T01:00:00.000Z', windowEnd: '2026-12-01T09:00:00.000Z',
    } })
    expect(rows[1].errors).toEqual(['需求标题必填', '类别“修车”不在 13 类之中', '紧急程度须为 1–5 或 不急、一般、较急、紧急、非常紧急', '结束时间须晚于开始时间'])
    expect(rows[2].errors).toEqual([])
    expect(rows[2].value).toMatchObject({ category: 'CULTURE', urgency: 3, windowStart: '2026-12-02T06:30:00.000Z' })
    expect(rows[3].errors).toEqual(['开始时间须为日期，如 2026-12-01 09:00'])
  })

  it('the template parses to its own valid example row', async () => {
    const rows = await parseSheet(DEMAND_SHEET, await sheetTemplate(DEMAND_SHEET))
    expect(rows).toHaveLength(1)
    expect(rows[0].errors).toEqual([])
  })

  it('puts the server\'s field errors back on the sheet rows they name', async () => {
    const rows = await parseSheet(DEMAND_SHEET, await sheet([['甲', 'WISH', 'G0101'], [], ['乙', 'WISH', 'G9999']]))
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
    const again = await parseSheet(DEMAND_SHEET, data, new Map([['幸福一网格', 'G0101']]))
    expect(again[0].errors).toEqual([])
    expect(again[0].value).toEqual({ title: '修水管', category: 'ELDERLY', gridCode: 'G0101', urgency: 4, skills: ['水电维修'],
      windowStart: '2026-12-01T01:00:00.000Z', windowEnd: '2026-12-01T09:00:00.000Z' })
  })
})

describe('resource import sheet', () => {
  const names = new Map([['幸福社区', 'C01'], ['幸福一网格', 'G0101']])

  it('reads kinds, places and categories by name or code, capacity and hours as whole numbers, and flags bad rows', async () => {
    const rows = await parseSheet(RESOURCE_SHEET, await sheet([
      ['义诊服务', '共建单位', '幸福社区', '幸福一网格、G0102', '义诊、HEALTH', '测血压', 4, '16', '2026-12-01', '2027-01-01', '每月第一个周六'],
      ['', '公司', '', '', '修车', '', '0', '1000', '明天', '', ''],
      ['读书会', 'TEAM', 'C01', 'C01', 'CULTURE', '', '2', '', '', '', ''],
    ], RESOURCE_COLUMNS), names)
    expect(rows[0]).toEqual({ row: 2, errors: [], value: {
      kind: 'UNIT', name: '义诊服务', nodeCode: 'C01', covers: ['G0101', 'G0102'], categories: ['CLINIC', 'HEALTH'], skills: ['测血压'],
      capacity: 4, hoursPerMonth: 16, description: '每月第一个周六', availableFrom: '2026-11-30T16:00:00.000Z', availableTo: '2026-12-31T16:00:00.000Z',
    } })
    expect(rows[1].errors).toEqual(['资源名称必填', '类型须为 共建单位、党员 或 志愿服务队', '所在节点必填', '服务范围必填', '类别“修车”不在 13 类之中',
      '每月可承接须为 1–1000 的整数', '每月可服务时长须为 1–744 的整数（小时）', '开始时间须为日期，如 2026-12-01 09:00'])
    expect(rows[2]).toMatchObject({ errors: [], value: { kind: 'TEAM', capacity: 2, categories: ['CULTURE'] } })
    expect(rows[2].value).not.toHaveProperty('hoursPerMonth')
  })

  it('the template parses to its own valid example row', async () => {
    const rows = await parseSheet(RESOURCE_SHEET, await sheetTemplate(RESOURCE_SHEET))
    expect(rows.map((r) => r.errors)).toEqual([[]])
  })

  it('exports resources in the import columns, and the export imports again to the same resources', async () => {
    const resource: Resource = {
      id: 'r1', kind: 'MEMBER', name: '水电维修', nodeCode: 'C01', covers: ['G0101'], categories: ['LABOUR', 'ELDERLY'], skills: ['水电'],
      capacity: 3, hoursPerMonth: 10, status: 'ACTIVE', owner: 'party.member', takenThisMonth: 1,
    }
    const data = await exportResources([resource], (c) => [...names].find(([, code]) => code === c)?.[0] ?? c)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(data)
    const values = (wb.worksheets[0].getRow(2).values as ExcelJS.CellValue[]).slice(1)
    expect(values).toEqual(['水电维修', '党员', '幸福社区', '幸福一网格', '义务劳动、助老助残', '水电', 3, 10, '', '', '', 1, '可用', 'party.member'])
    const again = await parseSheet(RESOURCE_SHEET, data, names)
    expect(again[0]).toEqual({ row: 2, errors: [], value: {
      kind: 'MEMBER', name: '水电维修', nodeCode: 'C01', covers: ['G0101'], categories: ['LABOUR', 'ELDERLY'], skills: ['水电'], capacity: 3, hoursPerMonth: 10,
    } })
  })
})
