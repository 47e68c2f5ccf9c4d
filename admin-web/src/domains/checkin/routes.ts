import type { RouteRecordRaw } from 'vue-router'

/**
 * The check-in domain's console pages (报到打卡), each opened by one of CheckinPermissions. The printable board is
 * staff's work (registration.read). Paths start with check-in/, not checkin/: the API's /checkin/… routes share the
 * origin, and a page reloaded at /checkin/registrations would be sent to the API instead of the console.
 */
export default [
  { path: 'check-in/registrations', component: () => import('./pages/RegistrationsPage.vue'), meta: { permission: 'checkin.registration.read', title: 'checkin.menu.registrations', order: 210 } },
  { path: 'check-in/board', component: () => import('./pages/BoardPage.vue'), meta: { permission: 'checkin.registration.read', title: 'checkin.menu.board', order: 220 } },
  { path: 'check-in/attendance', component: () => import('./pages/AttendancePage.vue'), meta: { permission: 'checkin.attendance.read', title: 'checkin.menu.attendance', order: 230 } },
  { path: 'check-in/calendar', component: () => import('./pages/WorkCalendarPage.vue'), meta: { permission: 'checkin.calendar.write', title: 'checkin.menu.calendar', order: 235 } },
  { path: 'check-in/ledger', component: () => import('./pages/LedgerPage.vue'), meta: { permission: 'checkin.service.read', title: 'checkin.menu.ledger', order: 240 } },
  { path: 'check-in/evaluation', component: () => import('./pages/EvaluationPage.vue'), meta: { permission: 'checkin.evaluation.read', title: 'checkin.menu.evaluation', order: 250 } },
  { path: 'check-in/employer', component: () => import('./pages/EmployerPage.vue'), meta: { permission: 'checkin.employer.read', title: 'checkin.menu.employer', order: 260 } },
  { path: 'check-in/employers', component: () => import('./pages/EmployersPage.vue'), meta: { permission: 'checkin.employers.read', title: 'checkin.menu.employers', order: 270 } },
] satisfies RouteRecordRaw[]
