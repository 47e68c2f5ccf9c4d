import type { Category, DemandStatus, Indicators } from './model'
import type zh from './i18n/zh-CN'
import { categoryColour } from './values'

type Words = typeof zh

/** A share as a percentage for a stat card ('—' when there is nothing to share). */
export function percent(share?: number | null): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`
}

/** Demands by category, largest first, each bar in its category's colour. */
export function categorySeries(ind: Pick<Indicators, 'byCategory'>, words: Words) {
  const entries = (Object.entries(ind.byCategory) as [Category, number][]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])
  return {
    names: entries.map(([c]) => words.category[c]),
    data: entries.map(([c, n]) => ({ value: n, itemStyle: { color: categoryColour(c) } })),
  }
}

/** Demands by status in the order a demand moves through them. */
export function statusSeries(ind: Pick<Indicators, 'byStatus'>, words: Words, order: readonly DemandStatus[]) {
  return { names: order.map((s) => words.demandStatus[s]), data: order.map((s) => ind.byStatus[s] ?? 0) }
}

/** The claim-time histogram's buckets named by their upper bound ("15 分钟内" … "更久"). */
export function claimTimeSeries(ind: Pick<Indicators, 'claimTimeHistogram'>, words: Words) {
  const buckets = ind.claimTimeHistogram ?? []
  return {
    names: buckets.map((b) => (b.upToMinutes == null ? words.indicators.longer : words.indicators.within.replace('{n}', String(b.upToMinutes)))),
    data: buckets.map((b) => b.count),
  }
}
