import { api } from '../../api/client'

/**
 * Where a resident's need goes: the node they live at (GET /directory/me). Residents cannot read the grid tree, so
 * the server places a home below a grid (a building) in the grid above it.
 */
export async function residentGrid(): Promise<string> {
  const { data } = await api().GET('/directory/me')
  return data?.homeNodeCode ?? ''
}
