import ExcelJS from 'exceljs'
import type { Category, Demand, DemandDraft, Project, Resource } from './model'
import zh from './i18n/zh-CN'

/** Column headers of the demand import sheet, in order (zh-CN: staff fill it in Chinese). */
export const DEMAND_COLUMNS = ['需求标题', '类别', '网格', '紧急程度', '所需技能', '开始时间', '结束时间', '说明', '受益住户'] as const

/** One demand read from a sheet row, with the reasons the row cannot be sent (empty when it can). */
export interface DemandRow {
  row: number
  demand: DemandDraft
  errors: string[]
}

const CATEGORY_BY_NAME = new Map<string, Category>(
  (Object.entries(zh.category) as [Category, string][]).flatMap(([code, name]) => [[name, code], [code, code]]),
)
const URGENCY_BY_NAME = new Map<string, number>(Object.entries(zh.urgency).flatMap(([n, name]) => [[name, Number(n)], [n, Number(n)]]))
const LIST = /[、,，;；\s]+/
const WALL_CLOCK = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/
const SHANGHAI_OFFSET_MS = 8 * 3600_000

/**
 * A time as staff write it, on Beijing time: a cell Excel stores as a date (its wall-clock fields, which exceljs hands
 * over as UTC) or text like 2026-11-26 09:00. Answers the instant, or null when the cell says no time.
 */
export function wallClock(value: ExcelJS.CellValue): string | null | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (value instanceof Date) return new Date(value.getTime() - SHANGHAI_OFFSET_MS).toISOString()
  const m = WALL_CLOCK.exec(String(value).trim())
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0'] = m
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) - SHANGHAI_OFFSET_MS
  const date = new Date(utc)
  // 2026-02-30 rolls over to March: a day that does not exist is a mistake, not a date
  return new Date(utc + SHANGHAI_OFFSET_MS).getUTCDate() === Number(d) ? date.toISOString() : null
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim()
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim()
  return String(value).trim()
}

/**
 * Reads the first sheet: row 1 is the header, every later non-empty row one demand. Categories and urgency are taken
 * by name or code; a grid by code or by one of the names in `gridCodes` (name → code, the grids the caller sees). The
 * same checks the server makes are made here, so a sheet is sent only when every row is good.
 */
export async function parseDemandSheet(data: ArrayBuffer, gridCodes: Map<string, string> = new Map()): Promise<DemandRow[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data)
  const ws = wb.worksheets[0]
  const rows: DemandRow[] = []
  ws?.eachRow((r, number) => {
    if (number === 1) return
    const raw = DEMAND_COLUMNS.map((_, i) => r.getCell(i + 1).value)
    const cells = raw.map(text)
    if (cells.every((c) => c === '')) return
    const errors: string[] = []
    const [title, categoryCell, gridCell, urgencyCell, skillsCell, , , description, householdsCell] = cells
    if (!title) errors.push('需求标题必填')
    else if (title.length > 50) errors.push('需求标题不超过 50 字')
    const category = CATEGORY_BY_NAME.get(categoryCell)
    if (!categoryCell) errors.push('类别必填')
    else if (!category) errors.push(`类别“${categoryCell}”不在 13 类之中`)
    const gridCode = gridCodes.get(gridCell) ?? gridCell
    if (!gridCell) errors.push('网格必填')
    const urgency = urgencyCell ? URGENCY_BY_NAME.get(urgencyCell) : 3
    if (urgency === undefined) errors.push('紧急程度须为 1–5 或 不急、一般、较急、紧急、非常紧急')
    const skills = skillsCell ? skillsCell.split(LIST).filter(Boolean) : []
    if (skills.length > 10) errors.push('所需技能不超过 10 项')
    if (skills.some((s) => s.length > 20)) errors.push('每项技能不超过 20 字')
    const windowStart = wallClock(raw[5])
    const windowEnd = wallClock(raw[6])
    if (windowStart === null) errors.push('开始时间须为日期，如 2026-12-01 09:00')
    if (windowEnd === null) errors.push('结束时间须为日期，如 2026-12-01 17:00')
    if (windowStart && windowEnd && windowEnd <= windowStart) errors.push('结束时间须晚于开始时间')
    if (description.length > 500) errors.push('说明不超过 500 字')
    const householdIds = householdsCell ? householdsCell.split(LIST).filter(Boolean) : []
    if (householdIds.length > 20) errors.push('受益住户不超过 20 户')
    const demand: DemandDraft = { title, category: category ?? ('' as Category), gridCode, urgency: urgency ?? 3 }
    if (description) demand.description = description
    if (skills.length) demand.skills = skills
    if (householdIds.length) demand.householdIds = householdIds
    if (windowStart) demand.windowStart = windowStart
    if (windowEnd) demand.windowEnd = windowEnd
    rows.push({ row: number, demand, errors })
  })
  return rows
}

/**
 * The server's refusal of a whole import, row by row: its field errors name `rows[i].field`, i counting the rows sent,
 * which are the sheet's rows in order. Answers sheet row → messages.
 */
export function serverRowErrors(rows: DemandRow[], errors: { field: string; message: string }[]): Map<number, string[]> {
  const byRow = new Map<number, string[]>()
  for (const e of errors) {
    const m = /^rows\[(\d+)\]/.exec(e.field)
    const row = m ? rows[Number(m[1])]?.row : undefined
    const key = row ?? 0
    byRow.set(key, [...(byRow.get(key) ?? []), e.message])
  }
  return byRow
}

export async function demandTemplate(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('需求')
  ws.addRow([...DEMAND_COLUMNS])
  ws.addRow(['为独居老人修理水管', '助老助残', 'G0101', '紧急', '水电维修', '2026-12-01 09:00', '2026-12-01 17:00', '厨房水管漏水', ''])
  ws.columns.forEach((c) => (c.width = 16))
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

/** A time as Beijing wall-clock text (what staff read and what the import reads back). */
export function beijing(iso?: string | null): string {
  if (!iso) return ''
  const d = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}

async function sheet(name: string, header: string[], lines: (string | number)[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(name)
  ws.addRow(header).font = { bold: true }
  lines.forEach((l) => ws.addRow(l))
  ws.columns.forEach((c) => (c.width = 18))
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

/**
 * Demands as a sheet in the import's own columns first (so an export can be corrected and imported again), with
 * names rather than codes, then status, claimant and feedback.
 */
export function exportDemands(demands: Demand[], gridName: (code: string) => string): Promise<ArrayBuffer> {
  return sheet('需求清单', [...DEMAND_COLUMNS, '状态', '来源', '发布时间', '认领人', '评价'], demands.map((d) => [
    d.title, zh.category[d.category] ?? d.category, gridName(d.gridCode), zh.urgency[d.urgency] ?? d.urgency, (d.skills ?? []).join('、'),
    beijing(d.windowStart), beijing(d.windowEnd), d.description ?? '', (d.householdIds ?? []).join('、'),
    zh.demandStatus[d.status], d.source ? zh.source[d.source] : '', beijing(d.publishedAt), d.claim?.claimant ?? '',
    d.feedback ? `${d.feedback.rating} 星 ${d.feedback.comment ?? ''}`.trim() : '',
  ]))
}

export function exportResources(resources: Resource[], nodeName: (code: string) => string): Promise<ArrayBuffer> {
  return sheet('资源清单', ['名称', '类型', '所在', '服务范围', '服务类别', '技能', '每月可承接', '本月已承接', '状态'], resources.map((r) => [
    r.name, zh.resourceKind[r.kind], nodeName(r.nodeCode), r.covers.map(nodeName).join('、'), r.categories.map((c) => zh.category[c]).join('、'),
    (r.skills ?? []).join('、'), r.capacity, r.takenThisMonth ?? 0, zh.resourceStatus[r.status],
  ]))
}

export function exportProjects(projects: Project[], nodeName: (code: string) => string): Promise<ArrayBuffer> {
  return sheet('项目清单', ['项目', '类别', '社区', '牵头单位', '主题', '开始', '结束', '预算（元）', '状态', '参与人数', '服务时长（小时）'], projects.map((p) => [
    p.title, zh.category[p.category], nodeName(p.communityCode), p.ownerUnit, p.theme ?? '', p.startDate, p.endDate, (p.budget ?? 0) / 100,
    zh.projectStatus[p.status], p.participants?.length ?? 0, (p.participants ?? []).reduce((s, x) => s + x.hours, 0),
  ]))
}
