import type { RouteRecordRaw } from 'vue-router'

/**
 * The check-in domain's console pages (报到打卡), each opened by one of CheckinPermissions. The printable board is
 * staff's work (registration.read): members and residents read the board itself on the phone, not in the console.
 */
export default [
  { path: 'checkin/registrations', component: () => import('./pages/RegistrationsPage.vue'), meta: { permission: 'checkin.registration.read', title: 'checkin.menu.registrations', order: 110 } },
  { path: 'checkin/board', component: () => import('./pages/BoardPage.vue'), meta: { permission: 'checkin.registration.read', title: 'checkin.menu.board', order: 120 } },
  { path: 'checkin/attendance', component: () => import('./pages/AttendancePage.vue'), meta: { permission: 'checkin.attendance.read', title: 'checkin.menu.attendance', order: 130 } },
  { path: 'checkin/ledger', component: () => import('./pages/LedgerPage.vue'), meta: { permission: 'checkin.service.read', title: 'checkin.menu.ledger', order: 140 } },
  { path: 'checkin/evaluation', component: () => import('./pages/EvaluationPage.vue'), meta: { permission: 'checkin.evaluation.read', title: 'checkin.menu.evaluation', order: 150 } },
  { path: 'checkin/employer', component: () => import('./pages/EmployerPage.vue'), meta: { permission: 'checkin.employer.read', title: 'checkin.menu.employer', order: 160 } },
  { path: 'checkin/employers', component: () => import('./pages/EmployersPage.vue'), meta: { permission: 'checkin.employers.read', title: 'checkin.menu.employers', order: 170 } },
] satisfies RouteRecordRaw[]
