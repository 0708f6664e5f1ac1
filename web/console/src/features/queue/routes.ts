import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/queue', component: () => import('./QueueScreen.vue'), meta: { role: 'hr-officer', menu: 'queue' } },
] satisfies RouteRecordRaw[]
