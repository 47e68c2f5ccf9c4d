/**
 * When to fetch a new QR token: a margin before the current one expires (the counter must not scan a token that runs
 * out on the way), never sooner than `floor` ms (a clock far off must not make the page ask in a loop).
 */
export function refreshDelay(expiresAt: string, now: Date, margin = 30_000, floor = 5_000): number {
  const left = new Date(expiresAt).getTime() - now.getTime() - margin
  return Number.isFinite(left) ? Math.max(floor, left) : floor
}

/** Whole seconds until the next refresh, as the page counts them down. */
export const secondsLeft = (refreshAt: number, now: number) => Math.max(0, Math.ceil((refreshAt - now) / 1000))
