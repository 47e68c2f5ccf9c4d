import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import enUS from './en-US'

export const LOCALE_KEY = 'redgrid.locale'
export const messages = { 'zh-CN': zhCN, 'en-US': enUS }

/** zh-CN first; the choice persists across visits. */
export function makeI18n() {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(LOCALE_KEY) : null
  return createI18n({ legacy: false, locale: saved === 'en-US' ? 'en-US' : 'zh-CN', fallbackLocale: 'zh-CN', messages })
}
