import type { Category } from './model'
import zh from './i18n/zh-CN'

/** The lists' value lists: the keys of the zh-CN label tables, so a select lists exactly what is named. */
function valuesOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[]
}

export const categories = valuesOf(zh.category)
export const demandStatuses = valuesOf(zh.demandStatus)
export const projectStatuses = valuesOf(zh.projectStatus)
export const urgencies = [1, 2, 3, 4, 5] as const

/**
 * The taxonomy as staff read it: what residents ask for (群众点单), what partner units bring (共建服务), and the
 * community's own work (基层治理). Every category is in exactly one group (values.test.ts).
 */
export const CATEGORY_GROUPS: Record<keyof typeof zh.categoryGroup, Category[]> = {
  resident: ['CARE', 'LABOUR', 'INFO', 'MEDIATION', 'WISH'],
  service: ['CLINIC', 'LEGAL', 'FINANCE', 'HEALTH'],
  governance: ['ENVIRONMENT', 'ELDERLY', 'CULTURE', 'PATROL'],
}

/** A category's colour on tags and charts, the same everywhere (by group: red, amber, brown shades). */
export function categoryColour(category: Category): string {
  const palettes = { resident: ['#c62828', '#e53935', '#ef5350', '#d81b60', '#ad1457'], service: ['#f9a825', '#fbc02d', '#ff8f00', '#f57c00'],
    governance: ['#6d4c41', '#8d6e63', '#5d4037', '#a1887f'] }
  for (const [group, members] of Object.entries(CATEGORY_GROUPS)) {
    const i = members.indexOf(category)
    if (i >= 0) return palettes[group as keyof typeof palettes][i]
  }
  return '#909399'
}
