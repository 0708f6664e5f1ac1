import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/no-access', component: () => import('./NoAccessScreen.vue') },
] satisfies RouteRecordRaw[]
