import type { RouteRecordRaw } from 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** The permission (as GET /directory/access reports it) that opens the page. */
    permission?: string
    /** The menu entry's i18n key; pages without one are reachable but not in the menu. */
    title?: string
    /** Place in the menu, lower first; each domain keeps its own hundred (directory 0s, check-in 200s, points 300s, lists 400s). */
    order?: number
    /** A phone page's tile icon (a Vant icon name). */
    icon?: string
  }
}

/** What a domain's `routes.ts` exports: its console pages, each carrying its permission. */
export type RouteModule = { default: RouteRecordRaw[] }

export interface MenuItem {
  path: string
  title: string
}

/**
 * The pages of every domain, from the route modules found by `import.meta.glob` (the vben-admin way: a domain adds
 * pages by adding its module). Every page must name its permission, and no two may claim the same path.
 */
export function collectRoutes(modules: Record<string, RouteModule>): RouteRecordRaw[] {
  const routes = Object.entries(modules).flatMap(([file, module]) => {
    for (const route of module.default) {
      if (!route.meta?.permission) throw new Error(`${file}: route ${route.path} names no permission`)
    }
    return module.default
  })
  const seen = new Set<string>()
  for (const route of routes) {
    if (seen.has(route.path)) throw new Error(`two route modules claim the path ${route.path}`)
    seen.add(route.path)
  }
  return routes.sort((a, b) => (a.meta?.order ?? 0) - (b.meta?.order ?? 0))
}

export function allowed(route: RouteRecordRaw, permissions: readonly string[]): boolean {
  return !route.meta?.permission || permissions.includes(route.meta.permission)
}

/** The menu a caller sees: the titled pages whose permission the caller holds, in menu order. */
export function menusFor(routes: RouteRecordRaw[], permissions: readonly string[]): MenuItem[] {
  return routes
    .filter((r) => r.meta?.title && allowed(r, permissions))
    .map((r) => ({ path: '/' + r.path, title: r.meta!.title! }))
}
