import { createRouter, createWebHistory } from 'vue-router'
import { session } from '../auth/session'
import { loadAccess } from '../auth/access'
import HomePage from './HomePage.vue'
import { phoneRoutes } from './routes'

/** The phone pages under /m/: the home page (sign-in, my record, tiles) and every domain's phone pages. */
export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [{ path: '/', component: HomePage }, ...phoneRoutes.map((r) => ({ ...r, path: '/' + r.path })), { path: '/:rest(.*)*', redirect: '/' }],
})

/** A phone page opens only for a signed-in caller holding its permission; anyone else lands on the home page. */
router.beforeEach(async (to) => {
  if (to.path === '/') return
  if (!session.idToken()) return '/'
  const access = await loadAccess().catch(() => null)
  const permission = to.meta.permission
  if (!access || (permission && !access.permissions.includes(permission))) return '/'
})

session.onChange(() => {
  if (!session.idToken() && router.currentRoute.value.path !== '/') router.push('/')
})
