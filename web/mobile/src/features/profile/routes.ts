import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/profile', component: () => import('./ProfileTasksScreen.vue'), meta: { auth: true, tab: 'me', title: 'profile.title' } },
  { path: '/profile/check', component: () => import('./ProfileCheckScreen.vue'), meta: { auth: true, title: 'profile.check.title' } },
  { path: '/profile/:step', component: () => import('./ProfileStepScreen.vue'), meta: { auth: true, title: 'profile.title' } },
] satisfies RouteRecordRaw[]
