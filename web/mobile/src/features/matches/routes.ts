import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/matches', component: () => import('./MatchesScreen.vue'), meta: { auth: true, tab: 'matches', title: 'matches.title' } },
] satisfies RouteRecordRaw[]
