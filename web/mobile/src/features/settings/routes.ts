import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: '/settings/notifications',
    component: () => import('./NotificationSettingsScreen.vue'),
    meta: { auth: true, tab: 'me', title: 'settings.title' },
  },
] satisfies RouteRecordRaw[]
