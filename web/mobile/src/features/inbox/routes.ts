import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/inbox', component: () => import('./InboxScreen.vue'), meta: { auth: true, tab: 'inbox', title: 'inbox.title' } },
] satisfies RouteRecordRaw[]
