import { describe, expect, it } from 'vitest'
import zh from './i18n/zh-CN'
import en from './i18n/en-US'
import { criterionWords, explainLines, explainSummary } from './explain'
import type { FitComponent } from './model'

const breakdown: FitComponent[] = [
  { criterion: 'CATEGORY', score: 1000, weight: 30, contribution: 30000 },
  { criterion: 'SKILL', score: 500, weight: 30, contribution: 15000 },
  { criterion: 'PROXIMITY', score: 1000, weight: 20, contribution: 20000 },
  { criterion: 'TIME', score: 0, weight: 10, contribution: 0 },
  { criterion: 'URGENCY', score: 800, weight: 10, contribution: 8000 },
]

describe('a pair explained in words', () => {
  it('reads each criterion as full, partly (with its percentage) or none', () => {
    expect(criterionWords({ criterion: 'PROXIMITY', score: 1000 }, zh)).toBe('就在同一网格')
    expect(criterionWords({ criterion: 'SKILL', score: 500 }, zh)).toBe('具备部分所需技能（50%）')
    expect(criterionWords({ criterion: 'TIME', score: 0 }, zh)).toBe('服务时间不重叠')
    expect(criterionWords({ criterion: 'TIME', score: 333 }, en)).toBe('the times partly overlap (33%)')
    expect(criterionWords({ criterion: 'PROXIMITY', score: 600 }, zh)).toBe('在同一社区')
    expect(criterionWords({ criterion: 'PROXIMITY', score: 300 }, en)).toBe('is in the same street')
    expect(criterionWords({ criterion: 'PROXIMITY', score: 420 }, zh)).toBe('距离较近（42%）')
    expect(criterionWords({ criterion: 'URGENCY', score: 600 }, en)).toBe('the need is soon')
  })

  it('lists the criteria largest contribution first, each with its share of the score', () => {
    expect(explainLines(breakdown, zh)).toEqual([
      '类别：服务类别相符，占总分 41%',
      '距离：就在同一网格，占总分 27%',
      '技能：具备部分所需技能（50%），占总分 21%',
      '紧急程度：需求紧急，占总分 11%',
      '时间：服务时间不重叠，占总分 0%',
    ])
    expect(explainLines(breakdown, en)[0]).toBe('Category: the service category matches, 41% of the score')
  })

  it('leaves out criteria that weigh nothing', () => {
    const lines = explainLines([...breakdown.slice(0, 3), { criterion: 'TIME', score: 1000, weight: 0, contribution: 0 }], zh)
    expect(lines.some((l) => l.startsWith('时间'))).toBe(false)
  })

  it('names the criteria that carried the pair, and ties in a fixed order', () => {
    expect(explainSummary(breakdown, zh)).toBe('主要因为类别')
    const tie = breakdown.map((c) => (c.criterion === 'PROXIMITY' ? { ...c, contribution: 30000 } : c))
    expect(explainSummary(tie, zh)).toBe('主要因为类别、距离')
    expect(explainSummary(tie, en, ', ')).toBe('mainly because of Category, Proximity')
    expect(explainSummary([], zh)).toBe('')
  })
})
