import { expect, it } from 'vitest'
import { messages } from './index'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

it('both locales have the same keys and no empty text', () => {
  expect(keys(messages['en-US'])).toEqual(keys(messages['zh-CN']))
  for (const locale of Object.values(messages)) {
    for (const key of keys(locale)) {
      const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], locale)
      expect(String(value).trim(), key).not.toBe('')
    }
  }
})
