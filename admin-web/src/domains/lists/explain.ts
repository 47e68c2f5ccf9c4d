import type { Criterion, FitComponent } from './model'
import type zh from './i18n/zh-CN'

/** The words an explanation is made of: a locale's `lists` messages (zh-CN or en-US). */
export type Words = Pick<typeof zh, 'explain' | 'criterion' | 'urgency'>

/** The best a criterion can score (the matcher scores each criterion 0–1000). */
export const FULL_SCORE = 1000
/** Proximity's scores by the grid tree when grid centres are unknown (same grid scores full). */
const SAME_COMMUNITY = 600
const SAME_STREET = 300

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''))
}

/** What one criterion's score means, in words: full, none, or partly with its percentage. */
export function criterionWords(c: Pick<FitComponent, 'criterion' | 'score'>, words: Words): string {
  const phrases = words.explain[c.criterion] as { full: string; part?: string; none: string; community?: string; street?: string }
  const pct = Math.round((c.score / FULL_SCORE) * 100)
  if (c.score >= FULL_SCORE) return phrases.full
  if (c.score <= 0) return phrases.none
  // proximity by the grid tree scores these two levels exactly; by distance, anything between
  if (c.criterion === 'PROXIMITY' && c.score === SAME_COMMUNITY) return phrases.community!
  if (c.criterion === 'PROXIMITY' && c.score === SAME_STREET) return phrases.street!
  // urgency scores urgency/5: say the level by name
  const level = (words.urgency[Math.round((c.score / FULL_SCORE) * 5)] ?? '').toLowerCase()
  return phrases.part ? fill(phrases.part, { pct, level }) : phrases.full
}

/** The criteria that count (contribute or weigh something), largest contribution first, ties in a fixed order. */
export function ranked(components: FitComponent[]): FitComponent[] {
  return components.filter((c) => c.contribution > 0 || c.weight > 0)
    .sort((a, b) => b.contribution - a.contribution || order(a.criterion) - order(b.criterion))
}

/**
 * A pair's score breakdown as sentences, largest contribution first: each criterion's meaning and its share of the
 * total (criteria that add nothing and weigh nothing are left out).
 */
export function explainLines(components: FitComponent[], words: Words): string[] {
  const total = components.reduce((s, c) => s + c.contribution, 0)
  return ranked(components).map((c) => fill(words.explain.share, {
      what: words.criterion[c.criterion], words: criterionWords(c, words), share: total > 0 ? Math.round((c.contribution / total) * 100) : 0,
    }))
}

/** One line for the table: the criteria that carried the pair (those within a fifth of the best), by name. */
export function explainSummary(components: FitComponent[], words: Words, separator = '、'): string {
  const best = Math.max(0, ...components.map((c) => c.contribution))
  if (best === 0) return ''
  const leading = ranked(components).filter((c) => c.contribution >= best * 0.8).map((c) => words.criterion[c.criterion])
  return fill(words.explain.lead, { what: leading.join(separator) })
}

const CRITERIA_ORDER: Criterion[] = ['CATEGORY', 'SKILL', 'PROXIMITY', 'TIME', 'URGENCY']
const order = (c: Criterion) => CRITERIA_ORDER.indexOf(c)
