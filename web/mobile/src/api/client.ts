import { typedClient } from '@shared/api/client'
import type { paths as TalentPaths } from './generated/talent'
import type { paths as PolicyPaths } from './generated/policy'
import type { paths as NotificationPaths } from './generated/notification'
import { config } from '@/app/config'
import { useAuth } from '@/auth/useAuth'
import { currentLocale } from '@/i18n'

export { call } from '@shared/api/client'

/** The app's one way to the gateway: a typed client per service, with the resident's token and language. */
function clients() {
  const { apiBase } = config()
  const auth = useAuth()
  return {
    talent: typedClient<TalentPaths>(apiBase, auth.token, currentLocale),
    policy: typedClient<PolicyPaths>(apiBase, auth.token, currentLocale),
    notification: typedClient<NotificationPaths>(apiBase, auth.token, currentLocale),
  }
}

let created: ReturnType<typeof clients> | undefined

/** Clients per service, created once the config is loaded. */
export function api() {
  created ??= clients()
  return created
}

/** For tests: forget the clients (config changed). */
export function resetClients(): void {
  created = undefined
}
