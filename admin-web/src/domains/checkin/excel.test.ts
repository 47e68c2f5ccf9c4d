import { expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { EVALUATION_COLUMNS, ROSTER_COLUMNS, evaluationWorkbook, noticesWorkbook, parseRoster, rosterErrorsBySheetRow, rosterTemplate } from './excel'
import type { components } from '../../api/schema'

type Evaluation = components['schemas']['EvaluationView']

async function sheet(rows: (string | number)[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册')
  ws.addRow([...ROSTER_COLUMNS])
  rows.forEach((r) => ws.addRow(r))
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

async function read(data: ArrayBuffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data)
  return wb
}

it('reads a roster, skipping empty rows, and flags each bad row with its reasons', async () => {
  const rows = await parseRoster(await sheet([
    ['张三', '139 1234 5678', '科员'],
    [],
    ['', '12345', ''],
    ['李四', 13912345679, ''],
    ['王五', '13912345678', 'x'.repeat(31)],
  ]))
  expect(rows.map((r) => r.row)).toEqual([2, 4, 5, 6])
  expect(rows[0]).toEqual({ row: 2, person: { name: '张三', phone: '13912345678', post: '科员' }, errors: [] })
  expect(rows[1].errors).toEqual(['姓名必填', '手机号码格式不正确'])
  expect(rows[2]).toEqual({ row: 5, person: { name: '李四', phone: '13912345679' }, errors: [] })
  expect(rows[3].errors).toEqual(['职务最多 30 个字', '与第 2 行的手机号码重复'])
})

it('puts the server\'s row errors back on the sheet rows they came from', async () => {
  const rows = await parseRoster(await sheet([['甲', '13912340001'], [], ['乙', '13912340002']]))
  const errors = rosterErrorsBySheetRow(rows, [
    { field: 'rows[1].phone', code: 'INVALID_PHONE', message: '第 2 行：手机号码格式不正确' },
    { field: 'rows', code: 'ROSTER_TOO_LARGE', message: '花名册最多 2000 人' },
  ])
  expect([...errors]).toEqual([[4, ['手机号码格式不正确']], [0, ['花名册最多 2000 人']]])
})

it('the roster template parses to its own valid example row', async () => {
  const rows = await parseRoster(await rosterTemplate())
  expect(rows).toHaveLength(1)
  expect(rows[0].errors).toEqual([])
})

const evaluation = (name: string, employerName: string, grade: Evaluation['grade'], overridden = false): Evaluation => ({
  memberId: name, name, employerName, communityName: '幸福社区', gridCode: 'G0102', year: '2026', score: 88.5, proposedGrade: 'GOOD', grade, overridden,
  breakdown: [], minutes: 150, records: 3,
})

it('exports the evaluation with grades in words, everyone first and then a sheet per employer', async () => {
  const wb = await read(await evaluationWorkbook('幸福社区 2026 年度考评', [
    evaluation('刘在职', '区财政局', 'GOOD'), evaluation('陈某', '区卫健委', 'AVERAGE', true), evaluation('孙某', '区财政局', 'FAIRLY_GOOD', true),
  ]))
  expect(wb.worksheets.map((w) => w.name)).toEqual(['全部', '区财政局', '区卫健委'])
  const all = wb.worksheets[0]
  expect(all.getCell('A1').value).toBe('幸福社区 2026 年度考评')
  expect(all.getRow(2).values).toEqual([undefined, ...EVALUATION_COLUMNS])
  expect(all.getRow(3).values).toEqual([undefined, '刘在职', '区财政局', '幸福社区', 'G0102', 2.5, 3, 88.5, '好', '好', '否'])
  expect(all.getCell('I4').value).toBe('一般')
  expect(all.getCell('J4').value).toBe('是')
  expect(wb.worksheets[1].rowCount).toBe(4)
  expect(wb.worksheets[1].getCell('A4').value).toBe('孙某')
})

it('exports an employer\'s final grades', async () => {
  const wb = await read(await noticesWorkbook('区财政局', [{ memberId: 'm1', name: '刘在职', communityName: '幸福社区', year: '2026', grade: 'FAIRLY_GOOD', hours: 12.5, records: 7, noticeDate: '2026-12-31' }]))
  expect(wb.worksheets[0].getRow(3).values).toEqual([undefined, '刘在职', '幸福社区', 2026, 12.5, 7, '较好', '2026-12-31'])
})
