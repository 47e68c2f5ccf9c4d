import { api } from '../../api/client'
import type { components } from '../../api/schema'

/** What the server accepts (POST /checkin/photos); checked here first so a wrong file is named before any upload. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const MAX_PHOTOS = 9

/** Why a file cannot be a service photo (an i18n key under checkin.phone), or null. */
export function photoProblem(file: { type: string; size: number }): 'photoType' | 'photoSize' | null {
  if (!PHOTO_TYPES.includes(file.type)) return 'photoType'
  if (file.size < 1 || file.size > MAX_PHOTO_BYTES) return 'photoSize'
  return null
}

/**
 * The headers to send with the presigned PUT: the signed ones, less what the browser sets itself and refuses to
 * have set (Content-Length comes from the file, whose size was signed).
 */
export function uploadHeaders(slot: Pick<components['schemas']['Upload'], 'headers'>): Record<string, string> {
  return Object.fromEntries(Object.entries(slot.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-length'))
}

/**
 * Uploads one photo of a service at a grid straight to storage: the API signs a PUT for this type and size, the file goes to that URL, and
 * the key it returns is what the service record names.
 */
export async function uploadPhoto(file: File, gridCode: string, put: typeof fetch = fetch): Promise<string> {
  const { data: slot } = await api().POST('/checkin/photos', { body: { gridCode, contentType: file.type, size: file.size } })
  const response = await put(slot!.uploadUrl!, { method: slot!.method ?? 'PUT', headers: uploadHeaders(slot!), body: file })
  if (!response.ok) throw new Error(`照片上传失败（HTTP ${response.status}）`)
  return slot!.key!
}
