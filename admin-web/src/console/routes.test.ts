import { expect, it } from 'vitest'
import type { RouteRecordRaw } from 'vue-router'
import { collectRoutes, menusFor, type RouteModule } from './routes'
import directory from '../domains/directory/routes'

const page = () => Promise.resolve({})
const route = (path: string, permission: string | undefined, order: number, title?: string): RouteRecordRaw =>
  ({ path, component: page, meta: { permission, order, title } }) as RouteRecordRaw

it('collects the pages of every route module in menu order', () => {
  const routes = collectRoutes({
    './domains/points/routes.ts': { default: [route('points', 'points.read', 30, 'points.menu')] },
    './domains/directory/routes.ts': { default: [route('people', 'directory.people.read', 20, 'p'), route('tree', 'directory.tree.read', 10, 't')] },
  })
  expect(routes.map((r) => r.path)).toEqual(['tree', 'people', 'points'])
})

it('refuses a page without a permission and two pages on one path', () => {
  expect(() => collectRoutes({ './a/routes.ts': { default: [route('x', undefined, 1)] } })).toThrow('./a/routes.ts: route x names no permission')
  const twice: Record<string, RouteModule> = {
    './a/routes.ts': { default: [route('x', 'a.read', 1)] },
    './b/routes.ts': { default: [route('x', 'b.read', 2)] },
  }
  expect(() => collectRoutes(twice)).toThrow('two route modules claim the path x')
})

it('derives the menu from the permissions the caller holds', () => {
  const routes = collectRoutes({ './domains/directory/routes.ts': { default: directory } })
  const staff = ['directory.tree.read', 'directory.people.read', 'directory.people.write']
  expect(menusFor(routes, staff).map((m) => m.path)).toEqual(['/dashboard', '/tree', '/people', '/households', '/units', '/import'])
  expect(menusFor(routes, ['directory.tree.read']).map((m) => m.path)).toEqual(['/dashboard', '/tree'])
  expect(menusFor(routes, ['directory.self.read'])).toEqual([])
  expect(menusFor(routes, staff)[0]).toEqual({ path: '/dashboard', title: 'directory.menu.dashboard' })
})
