import { expect, it } from 'vitest'
import { MAX_PHOTO_BYTES, photoProblem, putPhoto, uploadHeaders } from './photo'

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

it('puts the file to the signed URL with the signed type and returns the key', async () => {
  const sent: [string, RequestInit][] = []
  const put = (async (url: string, init: RequestInit) => { sent.push([url, init]); return new Response(null, { status: 200 }) }) as unknown as typeof fetch
  const file = new File(['x'], 'a.jpg', { type: 'image/jpeg' })
  const slot = { key: 'uploads/ab/K.jpg', uploadUrl: 'https://s3.example/K', method: 'PUT', headers: { 'Content-Type': 'image/jpeg', 'Content-Length': '1' } }
  expect(await putPhoto(slot, file, put)).toBe('uploads/ab/K.jpg')
  expect(sent).toEqual([['https://s3.example/K', { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: file }]])
  const refusing = (async () => new Response(null, { status: 403 })) as unknown as typeof fetch
  await expect(putPhoto(slot, file, refusing)).rejects.toThrow('HTTP 403')
})
