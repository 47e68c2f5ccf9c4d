import type { RouteRecordRaw } from 'vue-router'

/**
 * The three lists' console pages (三张清单). They open on the permissions of the staff who keep the lists (admins and
 * grid staff); party members and partner units claim on the phone pages (mobile.ts).
 */
export default [
  { path: 'lists/demands', component: () => import('./pages/DemandsPage.vue'), meta: { permission: 'lists.demand.write', title: 'lists.menu.demands', order: 100 } },
] satisfies RouteRecordRaw[]
