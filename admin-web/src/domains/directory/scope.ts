import { reactive, ref } from 'vue'
import { api } from '../../api/client'
import type { components } from '../../api/schema'

export type NodeView = components['schemas']['NodeView']

/** The levels a person's home can be at (the server refuses the others). */
export function livesIn(level?: NodeView['level']): boolean {
  return level === 'GRID' || level === 'SPECIAL_GRID' || level === 'BUILDING'
}

/** The nodes where the signed-in user holds roles: where every page starts. */
export const scopeNodes = ref<NodeView[]>([])

/** Names of the nodes seen so far, so tables show 幸福里第一网格 rather than G0101. */
export const nodeNames = reactive(new Map<string, string>())

export function remember(nodes: NodeView[]) {
  for (const n of nodes) if (n.code && n.name) nodeNames.set(n.code, n.name)
  return nodes
}

/** A node's name when known, else its code (never blank). */
export function nameOf(code?: string | null): string {
  return code ? nodeNames.get(code) ?? code : ''
}

/** Looks up the names of codes not seen yet (one request each; a page has few distinct nodes). */
export async function learnNames(codes: (string | undefined)[]) {
  const unknown = [...new Set(codes.filter((c): c is string => !!c && !nodeNames.has(c)))]
  await Promise.all(unknown.map(async (code) => {
    const { data } = await api().GET('/directory/nodes/{code}', { params: { path: { code } } }).catch(() => ({ data: undefined }))
    if (data) remember([data])
  }))
}

/** Learns the names along a node's path, ancestors outside the caller's scope included (the path read allows them). */
export async function learnPath(code: string) {
  const { data } = await api().GET('/directory/nodes/{code}/path', { params: { path: { code } } })
  remember(data ?? [])
}

export async function loadScope(): Promise<NodeView[]> {
  const { data } = await api().GET('/directory/scope')
  scopeNodes.value = remember(data ?? [])
  return scopeNodes.value
}

export async function childrenOf(code: string): Promise<NodeView[]> {
  const { data } = await api().GET('/directory/nodes/{code}/children', { params: { path: { code }, query: { limit: 100 } } })
  return remember(data?.items ?? [])
}
