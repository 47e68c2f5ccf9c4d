import type { RouteRecordRaw } from 'vue-router'

/**
 * The three lists' console pages (三张清单). They open on the permissions of the staff who keep the lists (admins and
 * grid staff); party members and partner units claim on the phone pages (mobile.ts).
 */
export default [
  { path: 'lists/demands', component: () => import('./pages/DemandsPage.vue'), meta: { permission: 'lists.demand.write', title: 'lists.menu.demands', order: 100 } },
  { path: 'lists/resources', component: () => import('./pages/ResourcesPage.vue'), meta: { permission: 'lists.matching.read', title: 'lists.menu.resources', order: 110 } },
  { path: 'lists/projects', component: () => import('./pages/ProjectsPage.vue'), meta: { permission: 'lists.matching.read', title: 'lists.menu.projects', order: 120 } },
  { path: 'lists/matching', component: () => import('./pages/MatchingPage.vue'), meta: { permission: 'lists.matching.read', title: 'lists.menu.matching', order: 130 } },
  { path: 'lists/indicators', component: () => import('./pages/IndicatorsPage.vue'), meta: { permission: 'lists.indicators.read', title: 'lists.menu.indicators', order: 140 } },
] satisfies RouteRecordRaw[]
