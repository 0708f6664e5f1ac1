import { typedClient } from '@shared/api/client'
import type { paths as TalentPaths } from './generated/talent'
import type { paths as PolicyPaths } from './generated/policy'
import { config } from '@/app/config'
import { useAuth } from '@/auth/useAuth'
import { currentLocale } from '@/i18n'

export { call } from '@shared/api/client'

/** The console's one way to the gateway: talent-service's review API and policy-service's catalogue. */
function clients() {
  const { apiBase } = config()
  const auth = useAuth()
  return {
    talent: typedClient<TalentPaths>(apiBase, auth.token, currentLocale),
    policy: typedClient<PolicyPaths>(apiBase, auth.token, currentLocale),
  }
}

let created: ReturnType<typeof clients> | undefined

export function api() {
  created ??= clients()
  return created
}
