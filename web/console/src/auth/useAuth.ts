import { keycloakSession } from '@shared/auth/keycloakSession'
import { config } from '@/app/config'

/** The officers' sign-in (realm client hr-console, PKCE, tokens in memory). */
export const HR_OFFICER = 'hr-officer'
export const POLICY_ADMIN = 'policy-admin'

const session = keycloakSession(config, 'qj.console.signedIn')

export function useAuth() {
  return session
}
