import ExcelJS from 'exceljs'
import type { Category, Demand, DemandDraft, Project, Resource, ResourceDraft, ResourceKind } from './model'
import zh from './i18n/zh-CN'

/**
 * An import sheet (导入表): its columns (zh-CN headers: staff fill it in Chinese), an example row for the template, and
 * how one row's cells become the API body, with the reasons the row cannot be sent. `names` maps the names of the nodes
 * the caller sees to their codes, so a grid or community may be written by name.
 */
export interface ImportSheet<T> {
  name: string
  columns: readonly string[]
  example: string[]
  read(cells: string[], raw: ExcelJS.CellValue[], names: Map<string, string>): { value: T; errors: string[] }
}

/** One row read from a sheet, with the reasons it cannot be sent (empty when it can). */
export interface SheetRow<T> {
  row: number
  value: T
  errors: string[]
}

const CATEGORY_BY_NAME = new Map<string, Category>(
  (Object.entries(zh.category) as [Category, string][]).flatMap(([code, name]) => [[name, code], [code, code]]),
)
const KIND_BY_NAME = new Map<string, ResourceKind>(
  (Object.entries(zh.resourceKind) as [ResourceKind, string][]).flatMap(([code, name]) => [[name, code], [code, code]]),
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

/** Column headers of the demand import sheet, in order. */
export const DEMAND_COLUMNS = ['需求标题', '类别', '网格', '紧急程度', '所需技能', '开始时间', '结束时间', '说明', '受益住户'] as const

/**
 * Demands: categories and urgency by name or code, a grid by code or name. The same checks the server makes are made
 * here, so a sheet is sent only when every row is good.
 */
export const DEMAND_SHEET: ImportSheet<DemandDraft> = {
  name: '需求',
  columns: DEMAND_COLUMNS,
  example: ['为独居老人修理水管', '助老助残', 'G0101', '紧急', '水电维修', '2026-12-01 09:00', '2026-12-01 17:00', '厨房水管漏水', ''],
  read(cells, raw, names) {
    const errors: string[] = []
    const [title, categoryCell, gridCell, urgencyCell, skillsCell, , , description, householdsCell] = cells
    if (!title) errors.push('需求标题必填')
    else if (title.length > 50) errors.push('需求标题不超过 50 字')
    const category = CATEGORY_BY_NAME.get(categoryCell)
    if (!categoryCell) errors.push('类别必填')
    else if (!category) errors.push(`类别“${categoryCell}”不在 13 类之中`)
    const gridCode = names.get(gridCell) ?? gridCell
    if (!gridCell) errors.push('网格必填')
    const urgency = urgencyCell ? URGENCY_BY_NAME.get(urgencyCell) : 3
    if (urgency === undefined) errors.push('紧急程度须为 1–5 或 不急、一般、较急、紧急、非常紧急')
    const skills = skillList(skillsCell, errors, '所需技能')
    const window = timeWindow(raw[5], raw[6], errors)
    if (description.length > 500) errors.push('说明不超过 500 字')
    const householdIds = householdsCell ? householdsCell.split(LIST).filter(Boolean) : []
    if (householdIds.length > 20) errors.push('受益住户不超过 20 户')
    const demand: DemandDraft = { title, category: category ?? ('' as Category), gridCode, urgency: urgency ?? 3 }
    if (description) demand.description = description
    if (skills.length) demand.skills = skills
    if (householdIds.length) demand.householdIds = householdIds
    if (window.start) demand.windowStart = window.start
    if (window.end) demand.windowEnd = window.end
    return { value: demand, errors }
  },
}

/** Column headers of the resource import sheet, in order. */
export const RESOURCE_COLUMNS = ['资源名称', '类型', '所在节点', '服务范围', '服务类别', '技能', '每月可承接', '每月可服务时长', '开始时间', '结束时间', '说明'] as const

/**
 * Resources (资源): kind and categories by name or code, the base and the covered areas (a list) by code or name;
 * capacity counts demands a month, hours are what it offers, shown only.
 */
export const RESOURCE_SHEET: ImportSheet<ResourceDraft> = {
  name: '资源',
  columns: RESOURCE_COLUMNS,
  example: ['水电维修志愿服务', '志愿服务队', 'C01', 'G0101、G0102', '助老助残、义务劳动', '水电维修', '5', '20', '', '', '每周六上午'],
  read(cells, raw, names) {
    const errors: string[] = []
    const [name, kindCell, nodeCell, coversCell, categoriesCell, skillsCell, capacityCell, hoursCell, , , description] = cells
    if (!name) errors.push('资源名称必填')
    else if (name.length > 50) errors.push('资源名称不超过 50 字')
    const kind = KIND_BY_NAME.get(kindCell)
    if (!kind) errors.push('类型须为 共建单位、党员 或 志愿服务队')
    if (!nodeCell) errors.push('所在节点必填')
    const covers = coversCell ? coversCell.split(LIST).filter(Boolean).map((c) => names.get(c) ?? c) : []
    if (!covers.length) errors.push('服务范围必填')
    else if (covers.length > 20) errors.push('服务范围不超过 20 处')
    const categoryCells = categoriesCell ? categoriesCell.split(LIST).filter(Boolean) : []
    const categories = categoryCells.map((c) => CATEGORY_BY_NAME.get(c))
    if (!categoryCells.length) errors.push('服务类别必填')
    categoryCells.forEach((c, i) => { if (!categories[i]) errors.push(`类别“${c}”不在 13 类之中`) })
    const skills = skillList(skillsCell, errors, '技能')
    const capacity = whole(capacityCell, 1, 1000)
    if (capacity === undefined) errors.push('每月可承接须为 1–1000 的整数')
    const hours = hoursCell ? whole(hoursCell, 1, 744) : null
    if (hours === undefined) errors.push('每月可服务时长须为 1–744 的整数（小时）')
    const window = timeWindow(raw[8], raw[9], errors)
    if (description.length > 500) errors.push('说明不超过 500 字')
    const resource: ResourceDraft = {
      kind: kind ?? ('' as ResourceKind), name, nodeCode: names.get(nodeCell) ?? nodeCell, covers,
      categories: categories.filter((c): c is Category => !!c), capacity: capacity ?? 1,
    }
    if (skills.length) resource.skills = skills
    if (hours) resource.hoursPerMonth = hours
    if (description) resource.description = description
    if (window.start) resource.availableFrom = window.start
    if (window.end) resource.availableTo = window.end
    return { value: resource, errors }
  },
}

function skillList(cell: string, errors: string[], label: string): string[] {
  const skills = cell ? cell.split(LIST).filter(Boolean) : []
  if (skills.length > 10) errors.push(`${label}不超过 10 项`)
  if (skills.some((s) => s.length > 20)) errors.push('每项技能不超过 20 字')
  return skills
}

/** A whole number from min to max, or undefined. */
function whole(cell: string, min: number, max: number): number | undefined {
  const n = Number(cell)
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined
}

/** An optional time window from two cells: both ends or neither, the end after the start. */
function timeWindow(startCell: ExcelJS.CellValue, endCell: ExcelJS.CellValue, errors: string[]): { start?: string; end?: string } {
  const start = wallClock(startCell)
  const end = wallClock(endCell)
  if (start === null) errors.push('开始时间须为日期，如 2026-12-01 09:00')
  if (end === null) errors.push('结束时间须为日期，如 2026-12-01 17:00')
  if (start && end && end <= start) errors.push('结束时间须晚于开始时间')
  return { start: start ?? undefined, end: end ?? undefined }
}

/** Reads the first sheet: row 1 is the header, every later non-empty row one record. */
export async function parseSheet<T>(spec: ImportSheet<T>, data: ArrayBuffer, names: Map<string, string> = new Map()): Promise<SheetRow<T>[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data)
  const ws = wb.worksheets[0]
  const rows: SheetRow<T>[] = []
  ws?.eachRow((r, number) => {
    if (number === 1) return
    const raw = spec.columns.map((_, i) => r.getCell(i + 1).value)
    const cells = raw.map(text)
    if (cells.every((c) => c === '')) return
    rows.push({ row: number, ...spec.read(cells, raw, names) })
  })
  return rows
}

/**
 * The server's refusal of a whole import, row by row: its field errors name `rows[i].field`, i counting the rows sent,
 * which are the sheet's rows in order. Answers sheet row → messages.
 */
export function serverRowErrors(rows: SheetRow<unknown>[], errors: { field: string; message: string }[]): Map<number, string[]> {
  const byRow = new Map<number, string[]>()
  for (const e of errors) {
    const m = /^rows\[(\d+)\]/.exec(e.field)
    const row = m ? rows[Number(m[1])]?.row : undefined
    const key = row ?? 0
    byRow.set(key, [...(byRow.get(key) ?? []), e.message])
  }
  return byRow
}

/** The empty sheet staff fill in: the header and one example row. */
export async function sheetTemplate(spec: ImportSheet<unknown>): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(spec.name)
  ws.addRow([...spec.columns])
  ws.addRow(spec.example)
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

/** Resources in the import's own columns first (an export can be corrected and imported again), then the month's load. */
export function exportResources(resources: Resource[], nodeName: (code: string) => string): Promise<ArrayBuffer> {
  return sheet('资源清单', [...RESOURCE_COLUMNS, '本月已承接', '状态', '负责人'], resources.map((r) => [
    r.name, zh.resourceKind[r.kind], nodeName(r.nodeCode), r.covers.map(nodeName).join('、'), r.categories.map((c) => zh.category[c]).join('、'),
    (r.skills ?? []).join('、'), r.capacity, r.hoursPerMonth ?? '', beijing(r.availableFrom), beijing(r.availableTo), r.description ?? '',
    r.takenThisMonth ?? 0, zh.resourceStatus[r.status], r.owner,
  ]))
}

export function exportProjects(projects: Project[], nodeName: (code: string) => string): Promise<ArrayBuffer> {
  return sheet('项目清单', ['项目', '类别', '社区', '牵头单位', '主题', '开始', '结束', '预算（元）', '状态', '参与人数', '服务时长（小时）'], projects.map((p) => [
    p.title, zh.category[p.category], nodeName(p.communityCode), p.ownerUnit, p.theme ?? '', p.startDate, p.endDate, (p.budget ?? 0) / 100,
    zh.projectStatus[p.status], p.participants?.length ?? 0, (p.participants ?? []).reduce((s, x) => s + x.hours, 0),
  ]))
}
