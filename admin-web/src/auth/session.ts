import { jwtDecode } from 'jwt-decode'

const KEY = 'redgrid.session'

export function isExpired(token: string, now = Date.now()): boolean {
  const exp = jwtDecode<{ exp?: number }>(token).exp
  return exp !== undefined && exp * 1000 <= now
}

type Listener = () => void
const listeners = new Set<Listener>()

export const session = {
  idToken(): string | null {
    const token = localStorage.getItem(KEY)
    return token && !isExpired(token) ? token : null
  },
  login(idToken: string) {
    localStorage.setItem(KEY, idToken)
    listeners.forEach((l) => l())
  },
  expire() {
    localStorage.removeItem(KEY)
    listeners.forEach((l) => l())
  },
  onChange(listener: Listener) {
    listeners.add(listener)
  },
}

/** Local mode: the local runtime's login endpoint (never deployed). */
export async function localLogin(base: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${base}/local/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`)
  return body.idToken as string
}
