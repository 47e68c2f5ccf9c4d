import { expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { flowsChart, reportWorkbook, SERIES, SUMMARY, type ReportWords } from './report'
import type { MonthlyReport } from './api'

const words: ReportWords = {
  community: '幸福社区',
  kinds: { INSPECTION: '清洁户评比', SERVICE_HOUR: '志愿服务', PROJECT_HOUR: '项目参与', PROJECT: '项目受益', MANUAL: '人工奖励' },
  flows: { issued: '发放', redeemed: '兑换', expired: '过期' },
}
const report: MonthlyReport = {
  communityCode: 'C01', month: '2026-11', issued: 350, redeemed: 120, expired: 10,
  byKind: { MANUAL: 150, INSPECTION: 200 },
  byRule: [{ ruleId: 'INSPECTION', name: '清洁户', points: 200 }],
  byGrid: [{ gridCode: 'G0101', name: '幸福一网格', issued: 300 }, { gridCode: 'G0102', name: '幸福二网格', issued: 50 }],
  series: [{ month: '2026-10', issued: 0, redeemed: 0, expired: 0 }, { month: '2026-11', issued: 350, redeemed: 120, expired: 10 }],
}

it('writes the month, its flows and its breakdowns to the summary sheet, and the 12 months to the second', async () => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await reportWorkbook(report, words))
  const summary = wb.getWorksheet(SUMMARY)!
  const rows = Array.from({ length: summary.rowCount }, (_, i) => (summary.getRow(i + 1).values as unknown[]).slice(1))
  expect(rows).toEqual([
    ['社区', '幸福社区'], ['月份', '2026-11'], ['发放', 350], ['兑换', 120], ['过期', 10], [],
    ['来源', '积分'], ['人工奖励', 150], ['清洁户评比', 200], [],
    ['规则', '积分'], ['清洁户', 200], [],
    ['网格', '发放积分'], ['幸福一网格', 300], ['幸福二网格', 50],
  ])
  const series = wb.getWorksheet(SERIES)!
  expect(series.getRow(1).values).toEqual([, '月份', '发放', '兑换', '过期'])
  expect(series.getRow(3).values).toEqual([, '2026-11', 350, 120, 10])
  expect(series.rowCount).toBe(3)
})

it('charts issued, redeemed and expired per month in that order', () => {
  const option = flowsChart(report.series, words.flows)
  expect(option.xAxis.data).toEqual(['2026-10', '2026-11'])
  expect(option.series.map((s) => [s.name, s.data])).toEqual([['发放', [0, 350]], ['兑换', [0, 120]], ['过期', [0, 10]]])
})
