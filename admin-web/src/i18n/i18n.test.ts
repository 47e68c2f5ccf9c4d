import { expect, it } from 'vitest'
import { mergeLocales, messages } from './index'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

it('puts each domain locale file under its domain name, beside the shell words', () => {
  const merged = mergeLocales(
    { 'zh-CN': { app: { title: '红网格' } }, 'en-US': { app: { title: 'RedGrid' } } },
    {
      '../domains/points/i18n/zh-CN.ts': { menu: '积分' },
      '../domains/points/i18n/en-US.ts': { menu: 'Points' },
      '../domains/checkin/i18n/zh-CN.ts': { menu: '报到' },
    },
  )
  expect(merged['zh-CN']).toEqual({ app: { title: '红网格' }, points: { menu: '积分' }, checkin: { menu: '报到' } })
  expect(merged['en-US']).toEqual({ app: { title: 'RedGrid' }, points: { menu: 'Points' } })
})

it('refuses a domain that would hide shell words or an unknown locale', () => {
  const core = { 'zh-CN': { app: {} }, 'en-US': { app: {} } }
  expect(() => mergeLocales(core, { '../domains/app/i18n/zh-CN.ts': {} })).toThrow('app is already taken')
  expect(() => mergeLocales(core, { '../domains/points/i18n/fr-FR.ts': {} })).toThrow('unknown locale fr-FR')
})

it('collects the directory from its folder, and both locales have the same keys and no empty text', () => {
  expect(keys(messages['zh-CN'])).toContain('directory.menu.people')
  expect(keys(messages['en-US'])).toEqual(keys(messages['zh-CN']))
  for (const locale of Object.values(messages)) {
    for (const key of keys(locale)) {
      const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], locale)
      expect(String(value).trim(), key).not.toBe('')
    }
  }
})
