import { describe, expect, it } from 'vitest'
import type { RouteRecordRaw } from 'vue-router'
import { tilesFor } from './routes'

const page = { render: () => null }
const routes: RouteRecordRaw[] = [
  { path: 'clock', component: page, meta: { permission: 'checkin.clock.write', title: 'checkin.m.clock', icon: 'clock-o', order: 10 } },
  { path: 'points', component: page, meta: { permission: 'points.self.read', title: 'points.m.mine', order: 20 } },
  { path: 'services/:id', component: page, meta: { permission: 'checkin.self.read' } },
]

describe('phone tiles', () => {
  it('shows only the titled pages the caller may open, with a default icon', () => {
    expect(tilesFor(routes, ['points.self.read', 'checkin.self.read'])).toEqual([
      { path: '/points', title: 'points.m.mine', icon: 'apps-o' },
    ])
  })

  it('shows nothing to a caller without phone permissions', () => {
    expect(tilesFor(routes, ['directory.tree.read'])).toEqual([])
  })
})
