import ExcelJS from 'exceljs'

/** One person to register, as read from a row of the import sheet. */
export interface PersonRow {
  name: string
  phone: string
  idNumber?: string
  homeNodeCode: string
  partyStatus?: 'IN_SERVICE' | 'RETIRED' | 'FLOATING'
  employer?: string
}

export interface ParsedRow {
  row: number
  person: PersonRow
  errors: string[]
}

/** Column headers of the import template, in order (zh-CN: the sheet is filled in by Chinese-speaking staff). */
export const COLUMNS = ['姓名', '联系电话', '身份证号', '居住节点编码', '党员类型', '工作单位'] as const

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/
const ID_NUMBER = /^\d{17}[\dXx]$/
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** GB 11643: the 18th character is the check character of the first 17 digits (the server checks it too). */
function checkCharacterOk(id: string): boolean {
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0)
  return '10X98765432'[sum % 11] === id[17].toUpperCase()
}
const PARTY: Record<string, PersonRow['partyStatus']> = {
  在职: 'IN_SERVICE', 退休: 'RETIRED', 流动: 'FLOATING', IN_SERVICE: 'IN_SERVICE', RETIRED: 'RETIRED', FLOATING: 'FLOATING',
}

/** The same checks the server makes, so most mistakes show before anything is sent. */
export function validate(p: PersonRow): string[] {
  const errors: string[] = []
  if (!p.name) errors.push('姓名必填')
  if (!p.phone) errors.push('联系电话必填')
  else if (!PHONE.test(p.phone)) errors.push('电话号码格式不正确')
  if (p.idNumber && !ID_NUMBER.test(p.idNumber)) errors.push('身份证号须为 18 位')
  else if (p.idNumber && !checkCharacterOk(p.idNumber)) errors.push('身份证号校验位不正确')
  if (!p.homeNodeCode) errors.push('居住节点编码必填')
  return errors
}

export async function templateWorkbook(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('人员')
  ws.addRow([...COLUMNS])
  ws.addRow(['王小明', '13800001234', '', 'G0101', '在职', '区财政局'])
  ws.columns.forEach((c) => (c.width = 16))
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim()
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim()
  return String(value).trim()
}

/** Reads the first sheet: row 1 is the header, every later non-empty row one person. */
export async function parseWorkbook(data: ArrayBuffer): Promise<ParsedRow[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data)
  const ws = wb.worksheets[0]
  const rows: ParsedRow[] = []
  ws?.eachRow((r, number) => {
    if (number === 1) return
    const cells = COLUMNS.map((_, i) => text(r.getCell(i + 1).value))
    if (cells.every((c) => c === '')) return
    const person: PersonRow = { name: cells[0], phone: cells[1], homeNodeCode: cells[3] }
    if (cells[2]) person.idNumber = cells[2].toUpperCase()
    if (cells[4]) person.partyStatus = PARTY[cells[4]]
    if (cells[5]) person.employer = cells[5]
    const errors = validate(person)
    if (cells[4] && !person.partyStatus) errors.push('党员类型须为 在职、退休 或 流动')
    rows.push({ row: number, person, errors })
  })
  return rows
}

/** People as a sheet, with names rather than codes (phones stay masked: an export never unmasks). */
export async function exportWorkbook(lines: { name: string; phone?: string; node?: string; posts?: string[] }[]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('人员')
  ws.addRow(['姓名', '联系电话（脱敏）', '居住地', '岗位'])
  lines.forEach((l) => ws.addRow([l.name, l.phone ?? '', l.node ?? '', (l.posts ?? []).join('、')]))
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

/** For each row whose 身份证号 an earlier row of the same sheet already has: that earlier row's number. */
export function repeatedIdNumbers(rows: ParsedRow[]): Map<number, number> {
  const first = new Map<string, number>()
  const repeats = new Map<number, number>()
  for (const r of rows) {
    const id = r.person.idNumber
    if (!id) continue
    if (first.has(id)) repeats.set(r.row, first.get(id)!)
    else first.set(id, r.row)
  }
  return repeats
}

export function download(data: ArrayBuffer, filename: string) {
  const blob = new Blob([data], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = filename
  a.click()
  URL.revokeObjectURL(a.href)
}
