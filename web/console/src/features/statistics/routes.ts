import type { RouteRecordRaw } from 'vue-router'
import { HR_OFFICER, POLICY_ADMIN } from '@/auth/useAuth'

export default [
  {
    path: '/statistics', component: () => import('./StatisticsScreen.vue'),
    meta: { role: [HR_OFFICER, POLICY_ADMIN], menu: 'statistics' },
  },
] satisfies RouteRecordRaw[]
