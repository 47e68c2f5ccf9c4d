import type { RouteRecordRaw } from 'vue-router'

/**
 * The three lists on the phone (/m/): residents ask for help or make a 微心愿 and close it with feedback (群众点单);
 * party members and partner units browse open demands, claim one with a tap and see their claims (党员接单); partner
 * units pick published projects with their resources and see the projects they picked (认领项目).
 * No page here opens on a permission district or street admins hold: their place is the console.
 */
export default [
  { path: 'lists/need', component: () => import('./mobile/NeedPage.vue'), props: { wish: false }, meta: { permission: 'lists.demand.mine', title: 'lists.m.need', icon: 'add-o', order: 100 } },
  { path: 'lists/wish', component: () => import('./mobile/NeedPage.vue'), props: { wish: true }, meta: { permission: 'lists.demand.mine', title: 'lists.m.wish', icon: 'gift-o', order: 101 } },
  { path: 'lists/mine', component: () => import('./mobile/MyDemandsPage.vue'), meta: { permission: 'lists.demand.mine', title: 'lists.m.mine', icon: 'orders-o', order: 102 } },
  { path: 'lists/open', component: () => import('./mobile/OpenDemandsPage.vue'), meta: { permission: 'lists.claim.write', title: 'lists.m.open', icon: 'fire-o', order: 110 } },
  { path: 'lists/claims', component: () => import('./mobile/MyClaimsPage.vue'), meta: { permission: 'lists.claim.write', title: 'lists.m.claims', icon: 'todo-list-o', order: 111 } },
  { path: 'lists/projects', component: () => import('./mobile/OpenProjectsPage.vue'), meta: { permission: 'lists.project.pick', title: 'lists.m.openProjects', icon: 'bookmark-o', order: 112 } },
  { path: 'lists/my-projects', component: () => import('./mobile/MyProjectsPage.vue'), meta: { permission: 'lists.project.pick', title: 'lists.m.myProjects', icon: 'flag-o', order: 113 } },
] satisfies RouteRecordRaw[]
