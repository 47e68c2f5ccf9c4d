import { ref, watch } from 'vue'
import { api } from '../../api/client'
import { childrenOf, loadScope, remember, scopeNodes, type NodeView } from '../directory/scope'

/**
 * Points live per community (社区): every console page works on one community of the caller's scope. A grid worker's
 * community is their grid's; an admin above community level chooses among the communities below them.
 */
export const communities = ref<NodeView[]>([])
export const community = ref<string>('')
let loading: Promise<NodeView[]> | null = null

const BELOW_COMMUNITY: NodeView['level'][] = ['GRID', 'SPECIAL_GRID', 'BUILDING']

/** The community on a node's path (root first), if the node is at or below one. */
export function communityOnPath(path: NodeView[]): NodeView | undefined {
  return path.find((n) => n.level === 'COMMUNITY')
}

/** Unique by a key, in the order first seen (items without one are dropped). */
export function distinctBy<T>(items: T[], key: (item: T) => string | undefined): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    return !!k && !seen.has(k) && !!seen.add(k)
  })
}

async function communitiesUnder(node: NodeView): Promise<NodeView[]> {
  if (node.level === 'COMMUNITY') return [node]
  if (BELOW_COMMUNITY.includes(node.level)) {
    const { data } = await api().GET('/directory/nodes/{code}/path', { params: { path: { code: node.code! } } })
    const found = communityOnPath(remember(data ?? []))
    return found ? [found] : []
  }
  const children = await childrenOf(node.code!)
  return (await Promise.all(children.map(communitiesUnder))).flat()
}

/** The caller's communities, read once; the first becomes the current one. */
export function loadCommunities(): Promise<NodeView[]> {
  loading ??= loadScope()
    .then(async (scope) => distinctBy((await Promise.all(scope.map(communitiesUnder))).flat(), (n) => n.code))
    .then((list) => {
      communities.value = list
      if (!list.some((c) => c.code === community.value)) community.value = list[0]?.code ?? ''
      return list
    })
    .catch((e) => {
      loading = null
      throw e
    })
  return loading
}

/**
 * The grids of a community the caller works in, for sheets, awards and leaderboards: grid staff their own (they may
 * not list the community's children), admins every grid and special grid of the community.
 */
export async function gridsOf(code: string): Promise<NodeView[]> {
  const own = scopeNodes.value.filter((n) => BELOW_COMMUNITY.includes(n.level) && (n.path ?? []).includes(code))
  if (own.length) return own
  return (await childrenOf(code)).filter((n) => n.level === 'GRID' || n.level === 'SPECIAL_GRID')
}

/**
 * Runs `fn` for the current community once the caller's communities are known, and again whenever another is chosen
 * (in a component's setup: the watch ends with the component). The promise rejects when the scope cannot be read.
 */
export function onCommunity(fn: (code: string) => unknown): Promise<void> {
  let ready = false
  watch(community, (code) => {
    if (ready && code) fn(code)
  })
  return loadCommunities().then(() => {
    ready = true
    if (community.value) fn(community.value)
  })
}
