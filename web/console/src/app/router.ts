import { createRouter, createWebHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router'
import { recoverFailedScreenLoads } from '@shared/app/screenLoadRecovery'
import { signInSteps } from '@shared/app/signInSteps'
import { HR_OFFICER, POLICY_ADMIN, useAuth } from '@/auth/useAuth'

declare module 'vue-router' {
  interface RouteMeta {
    /** Only for a signed-in officer with this realm role (or one of these); others see the "no access" page. */
    role?: string | readonly string[]
    /** The menu entry this screen belongs to. */
    menu?: 'queue' | 'offers' | 'measures' | 'statistics'
    /** The start page: the first screen the signed-in officer's roles allow. */
    home?: boolean
  }
}

/** Each feature lists its screens in `features/<feature>/routes.ts`. */
const featureRoutes = import.meta.glob<{ default: RouteRecordRaw[] }>('../features/*/routes.ts', { eager: true })

export function routes(): RouteRecordRaw[] {
  const all = Object.values(featureRoutes).flatMap((module) => module.default)
  return [{ path: '/', meta: { home: true }, component: () => import('../features/access/NoAccessScreen.vue') }, ...all,
    { path: '/:pathMatch(.*)*', redirect: '/' }]
}

export function createAppRouter(history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({ history, routes: routes(), scrollBehavior: () => ({ top: 0 }) })
  const auth = useAuth()
  const steps = signInSteps(auth)
  router.beforeEach(async (to) => {
    const withoutLoginAnswer = await steps.arrive(to)
    if (withoutLoginAnswer) return withoutLoginAnswer
    const role = to.meta.role
    if (!role && !to.meta.home) return true
    if (!(await steps.signedIn(to))) return false
    if (to.meta.home) {
      // An officer with only the policy admin role starts at the measures; everyone else at the review queue.
      return { path: !auth.hasRole(HR_OFFICER) && auth.hasRole(POLICY_ADMIN) ? '/measures' : '/queue', replace: true }
    }
    const allowed: readonly string[] = typeof role === 'string' ? [role] : role!
    return allowed.some((one) => auth.hasRole(one)) ? true
      : { path: '/no-access', query: { role: allowed[0] }, replace: true }
  })
  recoverFailedScreenLoads(router)
  return router
}
