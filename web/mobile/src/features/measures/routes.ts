import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/measures/:code', component: () => import('./MeasureDetailScreen.vue'), props: true, meta: { title: 'measures.title' } },
] satisfies RouteRecordRaw[]
