import type { RouteRecordRaw } from 'vue-router'

/** The resident's points pages on the phone (/m/): held by residents only (points.self.read), so staff get no tile. */
export default [
  { path: 'points', component: () => import('./phone/MyPointsPage.vue'), meta: { permission: 'points.self.read', title: 'points.m.mine', icon: 'gold-coin-o', order: 100 } },
  { path: 'points/qr', component: () => import('./phone/QrPage.vue'), meta: { permission: 'points.self.read', title: 'points.m.qr', icon: 'qr', order: 110 } },
  { path: 'points/goods', component: () => import('./phone/GoodsPage.vue'), meta: { permission: 'points.self.read', title: 'points.m.goods', icon: 'shop-o', order: 120 } },
] satisfies RouteRecordRaw[]
