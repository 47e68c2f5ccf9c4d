import { expect, it } from 'vitest'
import { SubmissionKey } from './idempotency'

it('keeps the key while the body is the same and makes a new one when it changes', () => {
  let n = 0
  const key = new SubmissionKey(() => `k${++n}`)
  expect(key.for({ name: '王小明', phone: '13800001234' })).toBe('k1')
  expect(key.for({ name: '王小明', phone: '13800001234' })).toBe('k1')
  expect(key.for({ name: '王小明', phone: '13800001235' })).toBe('k2')
  expect(key.for({ name: '王小明', phone: '13800001234' })).toBe('k3')
})

it('makes real UUIDs by default', () => {
  expect(new SubmissionKey().for({})).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
})
