import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import zh from './i18n/zh-CN'
import en from './i18n/en-US'

/** The lists' messages of the current locale, for the pure functions that build sentences (explain.ts). */
export function useWords() {
  const { locale } = useI18n()
  return computed(() => (locale.value === 'en-US' ? en : zh))
}
