import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/me', component: () => import('./MeScreen.vue'), meta: { tab: 'me', title: 'account.title' } },
  { path: '/me/data', component: () => import('./MyDataScreen.vue'), meta: { auth: true, title: 'account.data.title' } },
] satisfies RouteRecordRaw[]
