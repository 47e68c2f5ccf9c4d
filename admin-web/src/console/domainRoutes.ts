import { collectRoutes, type RouteModule } from './routes'

/** Every domain's pages, from src/domains/<domain>/routes.ts. */
export const domainRoutes = collectRoutes(import.meta.glob<RouteModule>('../domains/*/routes.ts', { eager: true }))
