import ExcelJS from 'exceljs'
import { RULE_KINDS, type MonthFlows, type MonthlyReport, type RuleKind } from './api'

/** The words of the sheet and chart (zh-CN labels in the file: it is filed by Chinese-speaking staff). */
export interface ReportWords {
  community: string
  kinds: Record<RuleKind, string>
  flows: { issued: string; redeemed: string; expired: string }
}

/** Sheet names and layout of the monthly report (月度报表); the e2e reads the cells by these positions. */
export const SUMMARY = '月度报表'
export const SERIES = '近12个月'

/**
 * The monthly report as a workbook: sheet 1 the month's totals (A1:B5: 社区, 月份, 发放, 兑换, 过期) then the points by
 * source, by rule and by grid, each under its own header; sheet 2 the 12 months' issued, redeemed and expired.
 */
export async function reportWorkbook(report: MonthlyReport, words: ReportWords): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(SUMMARY)
  ws.addRow(['社区', words.community])
  ws.addRow(['月份', report.month])
  ws.addRow([words.flows.issued, report.issued])
  ws.addRow([words.flows.redeemed, report.redeemed])
  ws.addRow([words.flows.expired, report.expired])
  ws.addRow([])
  ws.addRow(['来源', '积分']).font = { bold: true }
  for (const [kind, n] of Object.entries(report.byKind ?? {})) ws.addRow([words.kinds[kind as RuleKind] ?? kind, n])
  ws.addRow([])
  ws.addRow(['规则', '积分']).font = { bold: true }
  for (const r of report.byRule ?? []) ws.addRow([r.name, r.points])
  ws.addRow([])
  ws.addRow(['网格', '发放积分']).font = { bold: true }
  for (const g of report.byGrid ?? []) ws.addRow([g.name, g.issued])
  ws.getColumn(1).width = 24
  ws.getColumn(2).width = 14

  const series = wb.addWorksheet(SERIES)
  series.addRow(['月份', words.flows.issued, words.flows.redeemed, words.flows.expired]).font = { bold: true }
  for (const m of report.series ?? []) series.addRow([m.month, m.issued, m.redeemed, m.expired])
  series.columns.forEach((c) => (c.width = 12))
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

export const reportFileName = (communityName: string, month: string) => `积分月报-${communityName}-${month}.xlsx`

/** The dashboard's chart: issued, redeemed and expired per month, as grouped bars. */
export function flowsChart(series: MonthFlows[], flows: ReportWords['flows']) {
  const keys = ['issued', 'redeemed', 'expired'] as const
  const colours = ['#c62828', '#f9a825', '#8d6e63']
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: keys.map((k) => flows[k]) },
    grid: { top: 40, left: 40, right: 16, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: series.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: keys.map((k, i) => ({ name: flows[k], type: 'bar', data: series.map((m) => m[k] ?? 0), itemStyle: { color: colours[i] } })),
  }
}

/** The words in the current language, from the domain's locale. */
export function wordsFrom(t: (key: string) => string, community: string): ReportWords {
  const kinds = Object.fromEntries(RULE_KINDS.map((k) => [k, t('points.kind.' + k)]))
  return { community, kinds: kinds as Record<RuleKind, string>, flows: { issued: t('points.reports.issued'), redeemed: t('points.reports.redeemed'), expired: t('points.reports.expired') } }
}
