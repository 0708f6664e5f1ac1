import { keycloakSession } from '@shared/auth/keycloakSession'
import { config } from '@/app/config'

/**
 * The resident's sign-in (realm client youth-mobile, PKCE, tokens in memory; see web/shared). keycloak-js is loaded
 * only when needed, so anonymous visitors of the calculator do not pay for it.
 */
const session = keycloakSession(config, 'qj.signedIn')

export function useAuth() {
  return session
}
