import zh from './i18n/zh-CN'

/** The keys of a label table, typed as the enum it is checked against. */
function valuesOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[]
}

/** Value lists for selects and radios: the API enums' values, in the order the labels list them. */
export const positions = valuesOf(zh.position)
export const partyStatuses = valuesOf(zh.partyStatus)
export const genders = valuesOf(zh.gender)
