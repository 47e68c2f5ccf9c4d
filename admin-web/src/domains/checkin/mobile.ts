import type { RouteRecordRaw } from 'vue-router'
import './phone/elder.css'

/**
 * The check-in domain's phone pages (/m/checkin/…): each a tile on the phone's home page for callers holding its
 * permission. Only permissions of members, grid staff and residents open them: admins have none of these, so an
 * admin on the phone is still sent to the console.
 */
export default [
  { path: 'checkin/register', component: () => import('./phone/RegisterPage.vue'), meta: { permission: 'checkin.self.write', title: 'checkin.m.register', icon: 'flag-o', order: 110 } },
  { path: 'checkin/clock', component: () => import('./phone/ClockPage.vue'), meta: { permission: 'checkin.clock.write', title: 'checkin.m.clock', icon: 'location-o', order: 120 } },
  { path: 'checkin/service', component: () => import('./phone/ServicePage.vue'), meta: { permission: 'checkin.service.write', title: 'checkin.m.service', icon: 'edit', order: 130 } },
  { path: 'checkin/mine', component: () => import('./phone/MinePage.vue'), meta: { permission: 'checkin.self.read', title: 'checkin.m.mine', icon: 'clock-o', order: 140 } },
  { path: 'checkin/leave', component: () => import('./phone/LeavePage.vue'), meta: { permission: 'checkin.leave.write', title: 'checkin.m.leave', icon: 'calendar-o', order: 150 } },
  { path: 'checkin/confirm', component: () => import('./phone/ConfirmPage.vue'), meta: { permission: 'checkin.service.confirm', title: 'checkin.m.confirm', icon: 'good-job-o', order: 160 } },
] satisfies RouteRecordRaw[]
