import type { RouteRecordRaw } from 'vue-router'
import { allowed, collectRoutes, type RouteModule } from '../console/routes'

/**
 * The phone pages (/m/) of every domain, from each domain's `mobile.ts` (same shape and rules as its console
 * `routes.ts`: every page names its permission, no two claim a path).
 */
export const phoneRoutes = collectRoutes(import.meta.glob<RouteModule>('../domains/*/mobile.ts', { eager: true }))

export interface Tile {
  path: string
  title: string
  icon: string
}

/** The tiles on the phone's home page: the titled phone pages the caller's permissions open, in order. */
export function tilesFor(routes: RouteRecordRaw[], permissions: readonly string[]): Tile[] {
  return routes
    .filter((r) => r.meta?.title && allowed(r, permissions))
    .map((r) => ({ path: '/' + r.path, title: r.meta!.title!, icon: r.meta!.icon ?? 'apps-o' }))
}
