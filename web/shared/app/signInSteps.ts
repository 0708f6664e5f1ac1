import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import { isLoginCallback } from '../auth/keycloakSession'

interface Session {
  authenticated: { readonly value: boolean }
  restore(): Promise<void>
  init(): Promise<void>
  login(returnTo: string): Promise<void>
}

/** The steps both apps' navigation guards take before deciding by their own rules (a resident's screen, a role). */
export function signInSteps(session: Session) {
  let restored = false
  return {
    /**
     * Once per page load, restores the session this tab had. When the URL carries Keycloak's login answer
     * (redeemed by keycloak-js by then), answers the same route without it: a screen must not read the answer as
     * its own query.
     */
    async arrive(to: RouteLocationNormalized): Promise<RouteLocationRaw | undefined> {
      if (!restored) {
        restored = true
        await session.restore()
      }
      if (!isLoginCallback(new URL(to.fullPath, window.location.origin))) return undefined
      const query = { ...to.query }
      for (const key of ['state', 'code', 'session_state', 'iss', 'error', 'error_description']) delete query[key]
      return { path: to.path, query, hash: to.hash, replace: true }
    },
    /** True when signed in; otherwise sends the person to the login page, to come back to `to`, and answers false. */
    async signedIn(to: RouteLocationNormalized): Promise<boolean> {
      if (session.authenticated.value) return true
      await session.init()
      if (session.authenticated.value) return true
      await session.login(to.fullPath)
      return false
    },
  }
}
