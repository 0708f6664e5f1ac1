import type { RouteRecordRaw } from 'vue-router'

/** The policy admins' screens; each loads on first visit (the editor is the heaviest screen of the console). */
export default [
  { path: '/measures', component: () => import('./MeasuresScreen.vue'), meta: { role: 'policy-admin', menu: 'measures' } },
  { path: '/measures/:code', component: () => import('./MeasureScreen.vue'), props: true, meta: { role: 'policy-admin', menu: 'measures' } },
  { path: '/measures/:code/draft', component: () => import('./DraftEditorScreen.vue'), props: true, meta: { role: 'policy-admin', menu: 'measures' } },
] satisfies RouteRecordRaw[]
