import { expect, it } from 'vitest'
import { locate, locationPermission } from './location'
import { MAX_PHOTO_BYTES, photoProblem, uploadHeaders } from './photo'

it('accepts only the image types and sizes the server signs', () => {
  expect(photoProblem({ type: 'image/jpeg', size: 1000 })).toBeNull()
  expect(photoProblem({ type: 'image/webp', size: MAX_PHOTO_BYTES })).toBeNull()
  expect(photoProblem({ type: 'image/gif', size: 1000 })).toBe('photoType')
  expect(photoProblem({ type: 'image/png', size: MAX_PHOTO_BYTES + 1 })).toBe('photoSize')
  expect(photoProblem({ type: 'image/png', size: 0 })).toBe('photoSize')
})

it('sends the signed headers but leaves Content-Length to the browser', () => {
  expect(uploadHeaders({ headers: { 'Content-Type': 'image/jpeg', 'Content-Length': '1000' } })).toEqual({ 'Content-Type': 'image/jpeg' })
})

it('tells a refused location from a failed one', async () => {
  const refusing = { getCurrentPosition: (_: PositionCallback, fail?: PositionErrorCallback | null) => fail!({ code: 1, message: 'denied' } as GeolocationPositionError) }
  expect(await locate(refusing)).toEqual({ ok: false, denied: true, message: 'denied' })
  const here = { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { longitude: 116.395, latitude: 39.905 } } as GeolocationPosition) }
  expect(await locate(here)).toEqual({ ok: true, lon: 116.395, lat: 39.905 })
  expect(await locationPermission({ query: async () => ({ state: 'prompt' }) as PermissionStatus })).toBe('prompt')
  expect(await locationPermission({ query: async () => { throw new Error('unsupported') } })).toBe('unknown')
})
