import type { RouteRecordRaw } from 'vue-router'

/**
 * The three lists' console pages (三张清单). They open on the permissions of the staff who keep the lists (admins and
 * grid staff); party members and partner units claim on the phone pages (mobile.ts).
 */
export default [
  { path: 'three-lists/demands', component: () => import('./pages/DemandsPage.vue'), meta: { permission: 'lists.demand.write', title: 'lists.menu.demands', order: 100 } },
  { path: 'three-lists/resources', component: () => import('./pages/ResourcesPage.vue'), meta: { permission: 'lists.matching.read', title: 'lists.menu.resources', order: 110 } },
  { path: 'three-lists/projects', component: () => import('./pages/ProjectsPage.vue'), meta: { permission: 'lists.matching.read', title: 'lists.menu.projects', order: 120 } },
  { path: 'three-lists/matching', component: () => import('./pages/MatchingPage.vue'), meta: { permission: 'lists.matching.read', title: 'lists.menu.matching', order: 130 } },
  { path: 'three-lists/indicators', component: () => import('./pages/IndicatorsPage.vue'), meta: { permission: 'lists.indicators.read', title: 'lists.menu.indicators', order: 140 } },
] satisfies RouteRecordRaw[]
