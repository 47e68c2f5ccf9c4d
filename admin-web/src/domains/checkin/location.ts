/** Where the phone is, for a clock-in, and why it could not be read. */
export type Located = { ok: true; lon: number; lat: number } | { ok: false; denied: boolean; message: string }

/**
 * Whether the browser will ask before giving the location ('prompt'), has been allowed, or refused: the page explains
 * why it needs the location before the browser's own question appears.
 */
export async function locationPermission(permissions: Pick<Permissions, 'query'> | undefined = navigator.permissions): Promise<PermissionState | 'unknown'> {
  try {
    return permissions ? (await permissions.query({ name: 'geolocation' })).state : 'unknown'
  } catch {
    return 'unknown'
  }
}

/** One fresh reading (no cached position: a clock-in is about now). */
export function locate(geo: Pick<Geolocation, 'getCurrentPosition'> | undefined = navigator.geolocation): Promise<Located> {
  return new Promise((resolve) => {
    if (!geo) return resolve({ ok: false, denied: false, message: 'no geolocation' })
    geo.getCurrentPosition(
      (p) => resolve({ ok: true, lon: p.coords.longitude, lat: p.coords.latitude }),
      (e) => resolve({ ok: false, denied: e.code === 1, message: e.message }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    )
  })
}
