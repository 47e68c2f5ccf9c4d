import type { RouteRecordRaw } from 'vue-router'

/**
 * The points console pages (文明积分与积分超市), each opened by one of PointsPermissions. Paths are `points-…`, not
 * `points/…`: the API shares the origin, and /points/stores or /points/awards opened directly would reach the API.
 */
export default [
  { path: 'points-dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { permission: 'points.ledger.read', title: 'points.menu.dashboard', order: 300 } },
  { path: 'points-counter', component: () => import('./pages/CounterPage.vue'), meta: { permission: 'points.counter.write', title: 'points.menu.counter', order: 310 } },
  { path: 'points-awards', component: () => import('./pages/AwardsPage.vue'), meta: { permission: 'points.award.write', title: 'points.menu.awards', order: 320 } },
  { path: 'points-inspection', component: () => import('./pages/InspectionPage.vue'), meta: { permission: 'points.inspection.write', title: 'points.menu.inspection', order: 330 } },
  { path: 'points-ledger', component: () => import('./pages/LedgerPage.vue'), meta: { permission: 'points.ledger.read', title: 'points.menu.ledger', order: 340 } },
  { path: 'points-stores', component: () => import('./pages/StoresPage.vue'), meta: { permission: 'points.stores.write', title: 'points.menu.stores', order: 350 } },
  { path: 'points-rules', component: () => import('./pages/RulesPage.vue'), meta: { permission: 'points.ledger.read', title: 'points.menu.rules', order: 360 } },
  { path: 'points-reports', component: () => import('./pages/ReportsPage.vue'), meta: { permission: 'points.ledger.read', title: 'points.menu.reports', order: 370 } },
] satisfies RouteRecordRaw[]
