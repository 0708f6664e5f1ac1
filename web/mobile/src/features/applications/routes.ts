import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/applications', component: () => import('./ApplicationsScreen.vue'), meta: { auth: true, tab: 'applications', title: 'applications.title' } },
  { path: '/applications/:id', component: () => import('./ApplicationDetailScreen.vue'), props: true, meta: { auth: true, title: 'applications.detailTitle' } },
] satisfies RouteRecordRaw[]
