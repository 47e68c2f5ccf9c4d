import { createI18n, type I18nOptions } from 'vue-i18n'
import zhCN from './zh-CN'
import enUS from './en-US'

export const LOCALE_KEY = 'redgrid.locale'
export const LOCALES = ['zh-CN', 'en-US'] as const
export type Locale = (typeof LOCALES)[number]
type Messages = Record<string, unknown>

/**
 * The shell's messages plus each domain's, under the domain's name: `src/domains/directory/i18n/zh-CN.ts` becomes
 * `directory.*` in zh-CN. A domain adds its words by adding its files; nothing here changes.
 */
export function mergeLocales(core: Record<Locale, Messages>, modules: Record<string, Messages>): Record<Locale, Messages> {
  const merged = Object.fromEntries(LOCALES.map((l) => [l, { ...core[l] }])) as Record<Locale, Messages>
  for (const [file, module] of Object.entries(modules)) {
    const match = /domains\/([^/]+)\/i18n\/([^/]+)\.ts$/.exec(file)
    if (!match) throw new Error(`not a domain locale file: ${file}`)
    const [, domain, locale] = match
    if (!(LOCALES as readonly string[]).includes(locale)) throw new Error(`${file}: unknown locale ${locale}`)
    const target = merged[locale as Locale]
    if (domain in target) throw new Error(`${file}: the name ${domain} is already taken`)
    target[domain] = module
  }
  return merged
}

export const messages = mergeLocales(
  { 'zh-CN': zhCN, 'en-US': enUS },
  import.meta.glob<Messages>('../domains/*/i18n/*.ts', { eager: true, import: 'default' }),
)

/** zh-CN first; the choice persists across visits. */
export function makeI18n() {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(LOCALE_KEY) : null
  return createI18n({ legacy: false, locale: saved === 'en-US' ? 'en-US' : 'zh-CN', fallbackLocale: 'zh-CN', messages: messages as I18nOptions['messages'] })
}
