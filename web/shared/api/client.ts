import createClient, { type Middleware } from 'openapi-fetch'
import { ApiProblem, NetworkProblem, problemFrom } from './problem'
import { politeRetry } from './politeRetry'

/**
 * A typed client of one service through the gateway: the caller's token (refreshed first) and language on every
 * request, reads (and PUTs once) repeated after a 503/429 that says when ({@link politeRetry}), and every non-2xx
 * answer (but a 304 to a conditional request) turned into an {@link ApiProblem}.
 */
export function typedClient<Paths extends {}>(baseUrl: string, token: () => Promise<string | undefined>,
  language: () => string) {
  const headers: Middleware = {
    async onRequest({ request }) {
      request.headers.set('Accept-Language', language())
      const bearer = await token()
      if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`)
      return request
    },
  }
  const instance = createClient<Paths>({ baseUrl, fetch: guardedFetch })
  instance.use(headers)
  return instance
}

const politeFetch = politeRetry((request) => fetch(request))

async function guardedFetch(input: Request): Promise<Response> {
  let response: Response
  try {
    response = await politeFetch(input)
  } catch {
    throw new NetworkProblem()
  }
  if (!response.ok && response.status !== 304) throw await problemFrom(response)
  return response
}

/** Unwraps an openapi-fetch result: the data, or the problem thrown by the fetch. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request
  if (error !== undefined && error !== null) {
    throw error instanceof ApiProblem ? error : await problemFrom(response)
  }
  return data as T
}
