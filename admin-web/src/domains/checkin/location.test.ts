import { expect, it } from 'vitest'
import { locate, locationPermission } from './location'

it('tells a refused location from a failed one', async () => {
  const refusing = { getCurrentPosition: (_: PositionCallback, fail?: PositionErrorCallback | null) => fail!({ code: 1, message: 'denied' } as GeolocationPositionError) }
  expect(await locate(refusing)).toEqual({ ok: false, denied: true, message: 'denied' })
  const here = { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { longitude: 116.395, latitude: 39.905 } } as GeolocationPosition) }
  expect(await locate(here)).toEqual({ ok: true, lon: 116.395, lat: 39.905 })
  expect(await locationPermission({ query: async () => ({ state: 'prompt' }) as PermissionStatus })).toBe('prompt')
  expect(await locationPermission({ query: async () => { throw new Error('unsupported') } })).toBe('unknown')
})
