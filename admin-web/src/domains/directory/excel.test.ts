import { expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { COLUMNS, parseWorkbook, repeatedIdNumbers, templateWorkbook, validate } from './excel'

async function sheet(rows: string[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('人员')
  ws.addRow([...COLUMNS])
  rows.forEach((r) => ws.addRow(r))
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

it('parses rows and flags each bad row with its reasons', async () => {
  const rows = await parseWorkbook(await sheet([
    ['王小明', '13800001234', '11010519491231002x', 'G0101', '在职', '区财政局'],
    ['', '12345', '', 'G0101', '', ''],
    [],
    ['李四', '13800005678', '', 'G0102', '退休党员', ''],
  ]))
  expect(rows.map((r) => r.row)).toEqual([2, 3, 5])
  expect(rows[0].errors).toEqual([])
  expect(rows[0].person).toEqual({ name: '王小明', phone: '13800001234', idNumber: '11010519491231002X', homeNodeCode: 'G0101',
    partyStatus: 'IN_SERVICE', employer: '区财政局' })
  expect(rows[1].errors).toEqual(['姓名必填', '电话号码格式不正确'])
  expect(rows[2].errors).toEqual(['党员类型须为 在职、退休 或 流动'])
})

it('the template parses to its own valid example row', async () => {
  const rows = await parseWorkbook(await templateWorkbook())
  expect(rows).toHaveLength(1)
  expect(rows[0].errors).toEqual([])
})

it('validates like the server', () => {
  expect(validate({ name: 'a', phone: '010-12345678', homeNodeCode: 'G1' })).toEqual([])
  expect(validate({ name: 'a', phone: '13800001234', idNumber: '123', homeNodeCode: '' })).toEqual(['身份证号须为 18 位', '居住节点编码必填'])
  expect(validate({ name: 'a', phone: '13800001234', idNumber: '110105194912310021', homeNodeCode: 'G1' })).toEqual(['身份证号校验位不正确'])
  expect(validate({ name: 'a', phone: '13800001234', idNumber: '11010519491231002x', homeNodeCode: 'G1' })).toEqual([])
})

it('finds the rows that repeat the ID number of an earlier row', async () => {
  const rows = await parseWorkbook(await sheet([
    ['甲', '13800000001', '11010519491231002X', 'G0101'],
    ['乙', '13800000002', '', 'G0101'],
    ['丙', '13800000003', '11010519491231002x', 'G0101'],
    ['丁', '13800000004', '', 'G0101'],
  ]))
  expect([...repeatedIdNumbers(rows)]).toEqual([[4, 2]])
})
