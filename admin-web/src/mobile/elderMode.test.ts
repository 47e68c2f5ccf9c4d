import { expect, it } from 'vitest'
import { elderMode, setElderMode } from './elderMode'

it('remembers the large-text mode', () => {
  const store = new Map<string, string>()
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) }
  expect(elderMode(storage)).toBe(false)
  setElderMode(true, storage)
  expect(elderMode(storage)).toBe(true)
  setElderMode(false, storage)
  expect(elderMode(storage)).toBe(false)
})
