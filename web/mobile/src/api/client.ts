import createClient, { type Middleware } from 'openapi-fetch'
import type { paths as TalentPaths } from './generated/talent'
import type { paths as PolicyPaths } from './generated/policy'
import type { paths as NotificationPaths } from './generated/notification'
import { ApiProblem, NetworkProblem, problemFrom } from './problem'
import { config } from '@/app/config'
import { useAuth } from '@/auth/useAuth'
import { currentLocale } from '@/i18n'

/**
 * The one way the app talks to the gateway: typed by the services' OpenAPI documents, with the caller's token
 * (refreshed first) and language on every request, and every non-2xx answer (but a 304 to a conditional request)
 * turned into an {@link ApiProblem}.
 */
const auth = useAuth()

const headers: Middleware = {
  async onRequest({ request }) {
    request.headers.set('Accept-Language', currentLocale())
    const token = await auth.token()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    return request
  },
}

async function guardedFetch(input: Request): Promise<Response> {
  let response: Response
  try {
    response = await fetch(input)
  } catch {
    throw new NetworkProblem()
  }
  // 304 answers a conditional request (If-None-Match): a success without a body, not a problem.
  if (!response.ok && response.status !== 304) throw await problemFrom(response)
  return response
}

function client<Paths extends {}>() {
  const instance = createClient<Paths>({ baseUrl: config().apiBase, fetch: guardedFetch })
  instance.use(headers)
  return instance
}

let clients: { talent: ReturnType<typeof client<TalentPaths>>; policy: ReturnType<typeof client<PolicyPaths>>; notification: ReturnType<typeof client<NotificationPaths>> } | undefined

/** Clients per service, created once the config is loaded. */
export function api() {
  clients ??= { talent: client<TalentPaths>(), policy: client<PolicyPaths>(), notification: client<NotificationPaths>() }
  return clients
}

/** Unwraps an openapi-fetch result: the data, or the problem thrown by the fetch. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request
  if (error !== undefined && error !== null) {
    throw error instanceof ApiProblem ? error : await problemFrom(response)
  }
  return data as T
}

/** For tests: forget the clients (config changed). */
export function resetClients(): void {
  clients = undefined
}
