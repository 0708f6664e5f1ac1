import { createRouter, createWebHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router'
import { isLoginCallback } from '@shared/auth/keycloakSession'
import { useAuth } from '@/auth/useAuth'

declare module 'vue-router' {
  interface RouteMeta {
    /** Only for a signed-in officer with this realm role (or one of these); others see the "no access" page. */
    role?: string | readonly string[]
    /** The menu entry this screen belongs to. */
    menu?: 'queue' | 'offers' | 'statistics'
  }
}

/** Each feature lists its screens in `features/<feature>/routes.ts`. */
const featureRoutes = import.meta.glob<{ default: RouteRecordRaw[] }>('../features/*/routes.ts', { eager: true })

export function routes(): RouteRecordRaw[] {
  const all = Object.values(featureRoutes).flatMap((module) => module.default)
  return [{ path: '/', redirect: '/queue' }, ...all, { path: '/:pathMatch(.*)*', redirect: '/queue' }]
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
    const role = to.meta.role
    if (!role) return true
    if (!auth.authenticated.value) {
      await auth.init()
      if (!auth.authenticated.value) {
        await auth.login(to.fullPath)
        return false
      }
    }
    return (typeof role === 'string' ? [role] : role).some(auth.hasRole) ? true : { path: '/no-access', replace: true }
  })
  return router
}
