import { expect, it } from 'vitest'
import { isExpired } from './session'

function token(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`
}

it('knows when a token has expired', () => {
  expect(isExpired(token({ exp: 1000 }), 2_000_000)).toBe(true)
  expect(isExpired(token({ exp: 4_000_000_000 }))).toBe(false)
  expect(isExpired(token({}))).toBe(false)
})
