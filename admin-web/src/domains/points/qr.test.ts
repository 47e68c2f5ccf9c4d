import { expect, it } from 'vitest'
import { refreshDelay, secondsLeft } from './qr'

const now = new Date('2026-11-25T09:00:00Z')

it('refreshes the token 30 seconds before it expires', () => {
  expect(refreshDelay('2026-11-25T09:05:00Z', now)).toBe(270_000)
})

it('never asks sooner than the floor, even for a token already expired or unreadable', () => {
  expect(refreshDelay('2026-11-25T09:00:10Z', now)).toBe(5_000)
  expect(refreshDelay('2026-11-25T08:00:00Z', now)).toBe(5_000)
  expect(refreshDelay('not a time', now)).toBe(5_000)
})

it('counts down in whole seconds', () => {
  expect(secondsLeft(10_500, 0)).toBe(11)
  expect(secondsLeft(0, 1000)).toBe(0)
})
