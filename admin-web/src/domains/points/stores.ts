import { loadAccess } from '../../auth/access'
import { points, type Store } from './api'
import { community, distinctBy, loadCommunities } from './community'

/**
 * The stores a caller may serve or keep: those of their current community for staff who see the grid tree, else
 * (a store clerk, who sees nothing else) those at the nodes of their grants.
 */
export async function storesForCaller(): Promise<Store[]> {
  const access = await loadAccess()
  let nodes: string[]
  if (access.permissions.includes('directory.tree.read')) {
    await loadCommunities()
    nodes = community.value ? [community.value] : []
  } else {
    nodes = [...new Set(access.grants.map((g) => g.node).filter((n): n is string => !!n))]
  }
  const lists = await Promise.all(nodes.map((n) => points.stores(n)))
  return distinctBy(lists.flat(), (s) => s.id)
}
