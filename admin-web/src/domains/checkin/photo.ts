import { api } from '../../api/client'
import { putPhoto } from '../../common/photo'

/** Uploads one photo of a service at a grid (POST /checkin/photos signs it); returns the key the service record names. */
export async function uploadPhoto(file: File, gridCode: string, put: typeof fetch = fetch): Promise<string> {
  const { data: slot } = await api().POST('/checkin/photos', { body: { gridCode, contentType: file.type, size: file.size } })
  return putPhoto(slot!, file, put)
}
