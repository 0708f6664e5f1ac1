import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/', component: () => import('./HomeScreen.vue'), meta: { tab: 'home', title: 'home.title' } },
] satisfies RouteRecordRaw[]
