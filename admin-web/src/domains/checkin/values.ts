import zh from './i18n/zh-CN'

function valuesOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[]
}

/** Value lists for selects, in the order their labels are listed. */
export const statuses = valuesOf(zh.status)
export const leaveTypes = valuesOf(zh.leaveType)
export const grades = valuesOf(zh.grade)
/** The service categories (the shared taxonomy's codes, as the points rules know them). */
export const categories = valuesOf(zh.category)
