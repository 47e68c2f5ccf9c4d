import { api } from '../../api/client'

/**
 * Names of the members registered under a node, by member id (their login), so the ledger and the calendar show
 * 刘在职 rather than a login. Staff who clock in without a registration keep their login.
 */
export async function memberNames(under: string): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const { data } = await api().GET('/checkin/registrations', { params: { query: { under, status: 'CONFIRMED', limit: 100 } } }).catch(() => ({ data: undefined }))
  for (const r of data?.items ?? []) if (r.memberId && r.name) names.set(r.memberId, r.name)
  return names
}
