import { createRouter, createWebHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router'
import { useAuth, isLoginCallback } from '@/auth/useAuth'

declare module 'vue-router' {
  interface RouteMeta {
    /** Only for a signed-in resident; others are sent to the Keycloak login page and come back here. */
    auth?: boolean
    /** The tab bar entry this screen belongs to; screens without one hide the tab bar. */
    tab?: 'home' | 'matches' | 'applications' | 'inbox' | 'me'
    /** Message key of the screen title in the nav bar. */
    title?: string
  }
}

/** Each feature lists its screens in `features/<feature>/routes.ts`. */
const featureRoutes = import.meta.glob<{ default: RouteRecordRaw[] }>('../features/*/routes.ts', { eager: true })

export function routes(): RouteRecordRaw[] {
  const all = Object.values(featureRoutes).flatMap((module) => module.default)
  return [...all, { path: '/:pathMatch(.*)*', redirect: '/' }]
}

export function createAppRouter(history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({ history, routes: routes(), scrollBehavior: () => ({ top: 0 }) })
  const auth = useAuth()
  let restored = false
  router.beforeEach(async (to) => {
    if (!restored) {
      restored = true
      await auth.restore()
    }
    if (isLoginCallback(new URL(to.fullPath, window.location.origin))) {
      // keycloak-js has redeemed the code; the screen must not see the login answer as its own query.
      const query = { ...to.query }
      for (const key of ['state', 'code', 'session_state', 'iss', 'error', 'error_description']) delete query[key]
      return { path: to.path, query, hash: to.hash, replace: true }
    }
    if (to.meta.auth && !auth.authenticated.value) {
      await auth.init()
      if (!auth.authenticated.value) {
        await auth.login(to.fullPath)
        return false
      }
    }
    return true
  })
  return router
}
