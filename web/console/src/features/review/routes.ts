import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/applications/:id', component: () => import('./ApplicationScreen.vue'), props: true, meta: { role: 'hr-officer', menu: 'queue' } },
] satisfies RouteRecordRaw[]
