import type { RouteRecordRaw } from 'vue-router'

/** The directory's console pages (网格目录), each opened by one of the directory's permissions. */
export default [
  { path: 'dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { permission: 'directory.tree.read', title: 'directory.menu.dashboard', order: 10 } },
  { path: 'tree', component: () => import('./pages/TreePage.vue'), meta: { permission: 'directory.tree.read', title: 'directory.menu.tree', order: 20 } },
  { path: 'people', component: () => import('./pages/PeoplePage.vue'), meta: { permission: 'directory.people.read', title: 'directory.menu.people', order: 30 } },
  { path: 'households', component: () => import('./pages/HouseholdsPage.vue'), meta: { permission: 'directory.people.read', title: 'directory.menu.households', order: 40 } },
  { path: 'units', component: () => import('./pages/UnitsPage.vue'), meta: { permission: 'directory.people.read', title: 'directory.menu.units', order: 50 } },
  { path: 'import', component: () => import('./pages/ImportPage.vue'), meta: { permission: 'directory.people.write', title: 'directory.menu.import', order: 60 } },
] satisfies RouteRecordRaw[]
