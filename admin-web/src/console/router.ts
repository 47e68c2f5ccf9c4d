import { createRouter, createWebHistory } from 'vue-router'
import { session } from '../auth/session'
import { loadAccess } from '../auth/access'
import ConsoleLayout from './layout/ConsoleLayout.vue'
import LoginPage from './pages/LoginPage.vue'
import { allowed, menusFor } from './routes'
import { domainRoutes } from './domainRoutes'

const PUBLIC = ['/login', '/callback']

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', component: LoginPage },
    { path: '/callback', component: LoginPage },
    {
      path: '/',
      component: ConsoleLayout,
      children: [{ path: '', component: () => import('./pages/ForbiddenPage.vue') }, ...domainRoutes],
    },
  ],
})

/**
 * Signed-in callers only; a caller whose place is the resident pages goes there (with the reason); the start page is
 * the first menu entry the caller may open, and a page the caller may not open falls back to it.
 */
router.beforeEach(async (to) => {
  if (PUBLIC.includes(to.path)) return
  if (!session.idToken()) return '/login'
  const access = await loadAccess().catch(() => null)
  if (!access) return session.idToken() ? true : '/login'
  if (access.home === 'mobile') {
    window.location.assign('/m/?from=console')
    return false
  }
  const first = menusFor(domainRoutes, access.permissions)[0]?.path
  const route = domainRoutes.find((r) => '/' + r.path === to.path)
  if (to.path === '/' && first) return { path: first, query: to.query }
  if (route && !allowed(route, access.permissions)) return first ? { path: first } : '/'
})

session.onChange(() => {
  if (!session.idToken()) router.push('/login')
})
