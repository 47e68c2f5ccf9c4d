import { ref } from 'vue'
import { childrenOf, loadScope, type NodeView } from '../directory/scope'

/** A node the caller can pick for a list: its name indented by depth below the caller's scope. */
export interface Place {
  code: string
  name: string
  level: NonNullable<NodeView['level']>
  depth: number
  /** Codes from the root to this node. */
  path: string[]
}

const LISTED = new Set(['DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'SPECIAL_GRID'])
const LEAF = new Set(['GRID', 'SPECIAL_GRID'])

/**
 * The caller's scope down to its grids (a community admin: the community and its grids; a street admin: the street,
 * its communities and their grids), in tree order. Buildings are not places a list is kept for.
 */
export async function loadPlaces(): Promise<Place[]> {
  const out: Place[] = []
  async function visit(n: NodeView, depth: number) {
    if (!n.code || !n.level || !LISTED.has(n.level)) return
    out.push({ code: n.code, name: n.name ?? n.code, level: n.level, depth, path: n.path ?? [] })
    if (LEAF.has(n.level) || depth >= 3) return
    const kids = await childrenOf(n.code)
    for (const k of kids) await visit(k, depth + 1)
  }
  for (const root of await loadScope()) await visit(root, 0)
  return out
}

/** The places, read once per page visit, and the place chosen (the caller's first scope node to start with). */
export function usePlaces() {
  const places = ref<Place[]>([])
  const chosen = ref('')
  const ready = loadPlaces().then((p) => {
    places.value = p
    chosen.value ||= p[0]?.code ?? ''
    return p
  })
  return { places, chosen, ready }
}

/** The grids under a place (the place itself when it is a grid). */
export function gridsUnder(places: Place[], code: string): Place[] {
  return places.filter((p) => LEAF.has(p.level) && (p.code === code || p.path.includes(code)))
}
