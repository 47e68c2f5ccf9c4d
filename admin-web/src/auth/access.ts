import { ref } from 'vue'
import { api } from '../api/client'
import { session } from './session'
import type { components } from '../api/schema'

type AccessView = components['schemas']['AccessView']

/** Who the caller is, what they may do and where they belong (GET /directory/access: the one role table decides). */
export type Access = AccessView & Required<Pick<AccessView, 'permissions' | 'grants'>>

export const access = ref<Access | null>(null)
let loading: Promise<Access> | null = null

/** The caller's access, asked once per sign-in. */
export function loadAccess(): Promise<Access> {
  loading ??= api().GET('/directory/access').then(({ data }) => {
    access.value = { ...data, permissions: data?.permissions ?? [], grants: data?.grants ?? [] }
    return access.value
  }).catch((e) => {
    loading = null
    throw e
  })
  return loading
}

session.onChange(() => {
  loading = null
  access.value = null
})
