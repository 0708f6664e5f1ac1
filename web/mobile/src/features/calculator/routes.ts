import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/calculator', component: () => import('./CalculatorScreen.vue'), meta: { tab: 'home', title: 'calculator.title' } },
] satisfies RouteRecordRaw[]
