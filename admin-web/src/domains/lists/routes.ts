import type { RouteRecordRaw } from 'vue-router'

/**
 * The three lists' console pages (三张清单). They open on the permissions of the staff who keep the lists (admins and
 * grid staff); party members and partner units claim on the phone pages (mobile.ts).
 */
export default [
  { path: 'three-lists/demands', component: () => import('./pages/DemandsPage.vue'), meta: { permission: 'lists.demand.write', title: 'lists.menu.demands', order: 400 } },
  { path: 'three-lists/resources', component: () => import('./pages/ResourcesPage.vue'), meta: { permission: 'lists.matching.read', title: 'lists.menu.resources', order: 410 } },
  { path: 'three-lists/projects', component: () => import('./pages/ProjectsPage.vue'), meta: { permission: 'lists.matching.read', title: 'lists.menu.projects', order: 420 } },
  { path: 'three-lists/matching', component: () => import('./pages/MatchingPage.vue'), meta: { permission: 'lists.matching.read', title: 'lists.menu.matching', order: 430 } },
  { path: 'three-lists/indicators', component: () => import('./pages/IndicatorsPage.vue'), meta: { permission: 'lists.indicators.read', title: 'lists.menu.indicators', order: 440 } },
] satisfies RouteRecordRaw[]
