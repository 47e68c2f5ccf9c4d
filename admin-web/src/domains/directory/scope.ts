import { ref } from 'vue'
import { api } from '../api/client'
import type { components } from '../api/schema'

export type NodeView = components['schemas']['NodeView']

/** The nodes where the signed-in user holds roles: where every page starts. */
export const scopeNodes = ref<NodeView[]>([])

export async function loadScope(): Promise<NodeView[]> {
  const { data } = await api().GET('/directory/scope')
  scopeNodes.value = data ?? []
  return scopeNodes.value
}
