import type { components } from '../api/schema'

/**
 * Photos go from the browser straight to a domain's private bucket: the domain's API signs a PUT for one type and
 * size (an `Upload`), the file goes to that URL, and the record that keeps it names the returned key. These are the
 * server's limits (the kernel's PhotoStore), checked here first so a wrong file is named before any upload.
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const MAX_PHOTOS = 9
/** The `accept` attribute of a file input for photos. */
export const PHOTO_ACCEPT = PHOTO_TYPES.join(',')

export type Upload = components['schemas']['Upload']

/** Why a file cannot be a photo (an i18n key the domain defines: photoType, photoSize), or null. */
export function photoProblem(file: { type: string; size: number }): 'photoType' | 'photoSize' | null {
  if (!PHOTO_TYPES.includes(file.type)) return 'photoType'
  if (file.size < 1 || file.size > MAX_PHOTO_BYTES) return 'photoSize'
  return null
}

/**
 * The headers to send with the presigned PUT: the signed ones, less what the browser sets itself and refuses to
 * have set (Content-Length comes from the file, whose size was signed).
 */
export function uploadHeaders(slot: Pick<Upload, 'headers'>): Record<string, string> {
  return Object.fromEntries(Object.entries(slot.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-length'))
}

/** Sends the file to the presigned slot the domain's API gave for it; returns the key a record then names. */
export async function putPhoto(slot: Upload, file: File, put: typeof fetch = fetch): Promise<string> {
  const response = await put(slot.uploadUrl!, { method: slot.method ?? 'PUT', headers: uploadHeaders(slot), body: file })
  if (!response.ok) throw new Error(`照片上传失败（HTTP ${response.status}）`)
  return slot.key!
}
