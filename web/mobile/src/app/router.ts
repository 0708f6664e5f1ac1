import { createRouter, createWebHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router'
import { recoverFailedScreenLoads } from '@shared/app/screenLoadRecovery'
import { signInSteps } from '@shared/app/signInSteps'
import { useAuth } from '@/auth/useAuth'

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
  const steps = signInSteps(auth)
  router.beforeEach(async (to) => {
    const withoutLoginAnswer = await steps.arrive(to)
    if (withoutLoginAnswer) return withoutLoginAnswer
    return to.meta.auth ? steps.signedIn(to) : true
  })
  recoverFailedScreenLoads(router)
  return router
}
