import { jwtDecode } from 'jwt-decode'

/** A role grant as tokens carry it: "community-admin@C01", or "resident". */
export interface Grant {
  role: string
  node?: string
}

const KEY = 'redgrid.session'

/** Grants from a decoded ID token's cognito:groups (an array in the token itself) or a plain string. */
export function grantsOf(token: string): Grant[] {
  const claims = jwtDecode<Record<string, unknown>>(token)
  const raw = claims['cognito:groups']
  const values = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/) : []
  return values.filter(Boolean).map((v) => {
    const [role, node] = v.split('@')
    return node ? { role, node } : { role }
  })
}

export function usernameOf(token: string): string {
  const claims = jwtDecode<Record<string, unknown>>(token)
  return String(claims['cognito:username'] ?? claims['username'] ?? claims['sub'] ?? '')
}

export function isExpired(token: string, now = Date.now()): boolean {
  const exp = jwtDecode<{ exp?: number }>(token).exp
  return exp !== undefined && exp * 1000 <= now
}

const STAFF = ['district-admin', 'street-admin', 'community-admin', 'grid-leader', 'grid-worker', 'party-member']

/** Which console menus a set of grants opens. */
export function menusFor(grants: Grant[]): string[] {
  const roles = new Set(grants.map((g) => g.role))
  const staff = STAFF.some((r) => roles.has(r))
  const people = ['district-admin', 'street-admin', 'community-admin', 'grid-leader', 'grid-worker'].some((r) => roles.has(r))
  const menus: string[] = []
  if (staff) menus.push('dashboard', 'tree')
  if (people) menus.push('people', 'units', 'import')
  return menus
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
