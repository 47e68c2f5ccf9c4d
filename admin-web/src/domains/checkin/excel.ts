import ExcelJS from 'exceljs'
import type { FieldError } from '../../api/problem'
import type { components } from '../../api/schema'
import zh from './i18n/zh-CN'

type Evaluation = components['schemas']['EvaluationView']
type Notice = components['schemas']['GradeNotice']
type Grade = components['schemas']['Grade']

/** One person of an employer's roster (花名册), as read from a sheet row. */
export interface RosterRow {
  name: string
  phone: string
  post?: string
}

export interface ParsedRosterRow {
  /** The row's number in the sheet, as the uploader sees it. */
  row: number
  person: RosterRow
  errors: string[]
}

/** Column headers of the roster template (zh-CN: filled in by the employer's staff). */
export const ROSTER_COLUMNS = ['姓名', '手机号码', '职务'] as const

const MOBILE = /^1[3-9]\d{9}$/

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim()
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim()
  return String(value).trim()
}

/** The server's row checks, so most mistakes show before the upload (the server checks again and names rows too). */
export function validateRosterRow(p: RosterRow): string[] {
  const errors: string[] = []
  if (!p.name) errors.push('姓名必填')
  else if (p.name.length > 30) errors.push('姓名最多 30 个字')
  if (!MOBILE.test(p.phone)) errors.push('手机号码格式不正确')
  if (p.post && p.post.length > 30) errors.push('职务最多 30 个字')
  return errors
}

/** Reads the first sheet: row 1 is the header, every later non-empty row one person; a phone twice is an error. */
export async function parseRoster(data: ArrayBuffer): Promise<ParsedRosterRow[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data)
  const rows: ParsedRosterRow[] = []
  const seen = new Map<string, number>()
  wb.worksheets[0]?.eachRow((r, number) => {
    if (number === 1) return
    const [name, phone, post] = ROSTER_COLUMNS.map((_, i) => text(r.getCell(i + 1).value))
    if (!name && !phone && !post) return
    const person: RosterRow = { name, phone: phone.replace(/[\s-]/g, '') }
    if (post) person.post = post
    const errors = validateRosterRow(person)
    const first = seen.get(person.phone)
    if (first !== undefined && person.phone) errors.push(`与第 ${first} 行的手机号码重复`)
    else seen.set(person.phone, number)
    rows.push({ row: number, person, errors })
  })
  return rows
}

/**
 * The server's refusal of an upload names rows by their index in what was sent (`rows[3].phone`); each is put back on
 * the sheet row it came from, so the uploader sees "第 5 行" where they typed it.
 */
export function rosterErrorsBySheetRow(sent: ParsedRosterRow[], errors: FieldError[]): Map<number, string[]> {
  const bySheetRow = new Map<number, string[]>()
  for (const e of errors) {
    const match = /^rows\[(\d+)\]/.exec(e.field ?? '')
    const sheetRow = match ? sent[Number(match[1])]?.row ?? 0 : 0
    bySheetRow.set(sheetRow, [...(bySheetRow.get(sheetRow) ?? []), e.message.replace(/^第 \d+ 行：/, '')])
  }
  return bySheetRow
}

export async function rosterTemplate(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册')
  ws.addRow([...ROSTER_COLUMNS])
  ws.addRow(['张三', '13912345678', '科员'])
  ws.columns.forEach((c) => (c.width = 16))
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

const gradeLabel = (g?: Grade) => (g ? zh.grade[g] : '')

/** The columns of the evaluation sheet export (年终考评表), one row per member. */
export const EVALUATION_COLUMNS = ['姓名', '工作单位', '社区', '网格', '服务时长（小时）', '服务次数', '得分', '建议等次', '评定等次', '是否调整'] as const

/**
 * The community's evaluation as a workbook: one sheet for everyone, then one sheet per employer unit (what is sent to
 * each employer), grades in words (好/较好/一般/差), never codes.
 */
export async function evaluationWorkbook(title: string, items: Evaluation[]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const line = (e: Evaluation) => [e.name ?? e.memberId ?? '', e.employerName ?? e.employerCode ?? '', e.communityName ?? e.communityCode ?? '', e.gridCode ?? '',
    Number(e.hours ?? Math.round(((e.minutes ?? 0) / 60) * 10) / 10), e.records ?? 0, e.score ?? 0, gradeLabel(e.proposedGrade), gradeLabel(e.grade), e.overridden ? '是' : '否']
  const sheet = (name: string, rows: Evaluation[]) => {
    const ws = wb.addWorksheet(name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31))
    ws.addRow([title])
    ws.addRow([...EVALUATION_COLUMNS]).font = { bold: true }
    rows.forEach((e) => ws.addRow(line(e)))
    ws.columns.forEach((c, i) => (c.width = i < 4 ? 18 : 12))
  }
  sheet('全部', items)
  const byEmployer = new Map<string, Evaluation[]>()
  for (const e of items) {
    const key = e.employerName ?? e.employerCode ?? '未填单位'
    byEmployer.set(key, [...(byEmployer.get(key) ?? []), e])
  }
  for (const [employer, rows] of [...byEmployer].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))) sheet(employer, rows)
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

/** An employer's final grades (its own staff) as a sheet. */
export async function noticesWorkbook(employer: string, notices: Notice[]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('考评结果')
  ws.addRow([`${employer} 在职党员进社区年度考评结果`])
  ws.addRow(['姓名', '报到社区', '年度', '服务时长（小时）', '服务次数', '等次', '定稿日期']).font = { bold: true }
  notices.forEach((n) => ws.addRow([n.name ?? n.memberId ?? '', n.communityName ?? n.communityCode ?? '', Number(n.year), Number(n.hours ?? 0), n.records ?? 0,
    n.gradeLabel ?? gradeLabel(n.grade), String(n.noticeDate ?? n.finalisedAt ?? '').slice(0, 10)]))
  ws.columns.forEach((c) => (c.width = 16))
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}
