import { expect, it } from 'vitest'
import { grantsOf, isExpired, menusFor, usernameOf } from './session'

function token(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`
}

it('reads grants from the token array and from a flattened string', () => {
  expect(grantsOf(token({ 'cognito:groups': ['community-admin@C01', 'resident'] })))
    .toEqual([{ role: 'community-admin', node: 'C01' }, { role: 'resident' }])
  expect(grantsOf(token({ 'cognito:groups': '[grid-worker@G0101 party-member@C01]' })))
    .toEqual([{ role: 'grid-worker', node: 'G0101' }, { role: 'party-member', node: 'C01' }])
  expect(grantsOf(token({}))).toEqual([])
})

it('opens menus by role', () => {
  expect(menusFor([{ role: 'community-admin', node: 'C01' }])).toEqual(['dashboard', 'tree', 'people', 'units', 'import'])
  expect(menusFor([{ role: 'party-member', node: 'C01' }])).toEqual(['dashboard', 'tree'])
  expect(menusFor([{ role: 'resident' }])).toEqual([])
})

it('knows the user name and expiry', () => {
  expect(usernameOf(token({ 'cognito:username': 'community.admin', sub: 'x' }))).toBe('community.admin')
  expect(usernameOf(token({ username: 'grid.worker' }))).toBe('grid.worker')
  expect(isExpired(token({ exp: 1000 }), 2_000_000)).toBe(true)
  expect(isExpired(token({ exp: 4_000_000_000 }))).toBe(false)
})
