import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/offers', component: () => import('./OffersScreen.vue'), meta: { role: 'hr-officer', menu: 'offers' } },
] satisfies RouteRecordRaw[]
