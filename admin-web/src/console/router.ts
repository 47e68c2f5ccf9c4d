import { createRouter, createWebHistory } from 'vue-router'
import { session } from '../auth/session'
import ConsoleLayout from './layout/ConsoleLayout.vue'
import LoginPage from './pages/LoginPage.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', component: LoginPage },
    { path: '/callback', component: LoginPage },
    {
      path: '/',
      component: ConsoleLayout,
      children: [
        { path: '', redirect: '/dashboard' },
        { path: 'dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { menu: 'dashboard' } },
        { path: 'tree', component: () => import('./pages/TreePage.vue'), meta: { menu: 'tree' } },
        { path: 'people', component: () => import('./pages/PeoplePage.vue'), meta: { menu: 'people' } },
        { path: 'units', component: () => import('./pages/UnitsPage.vue'), meta: { menu: 'units' } },
        { path: 'import', component: () => import('./pages/ImportPage.vue'), meta: { menu: 'import' } },
      ],
    },
  ],
})

router.beforeEach((to) => {
  if (to.path !== '/login' && to.path !== '/callback' && !session.idToken()) return '/login'
})

session.onChange(() => {
  if (!session.idToken()) router.push('/login')
})
