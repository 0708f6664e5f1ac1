/**
 * Polite retries after load shedding: a 503 or 429 that says when to come back (Retry-After) is waited out and the
 * call made again, but only for calls that may be repeated and only within a small budget, so a busy service is
 * not hammered and the resident never waits long for nothing.
 * - GET / HEAD: up to twice;
 * - PUT: once (it replaces the whole thing, and ours carry the version read: a repeat cannot save twice);
 * - POST, DELETE, PATCH: never — an application or an erasure must not be sent again behind the resident's back.
 * Without Retry-After, or when waiting would exceed the budget, the answer goes to the screen as it is.
 */
export interface RetryBudget {
  /** The most time spent waiting over all retries of one call. */
  totalMs: number
  /** The most retries of a read; a PUT gets at most one. */
  readRetries: number
}

export const DEFAULT_BUDGET: RetryBudget = { totalMs: 10_000, readRetries: 2 }

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** How often this request may be repeated. */
function retriesFor(request: Request, budget: RetryBudget): number {
  switch (request.method.toUpperCase()) {
    case 'GET':
    case 'HEAD':
      return budget.readRetries
    case 'PUT':
      return Math.min(1, budget.readRetries)
    default:
      return 0
  }
}

/** A Retry-After header's wait in ms (delay-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  const value = header?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** The wait a 503/429 asks for, in ms; undefined when it is another answer or names no time. */
export function retryAfterMs(response: Response, now: number = Date.now()): number | undefined {
  if (response.status !== 503 && response.status !== 429) return undefined
  return parseRetryAfter(response.headers.get('Retry-After'), now)
}

/** Wraps a fetch so that repeatable calls are retried politely. */
export function politeRetry(send: (request: Request) => Promise<Response>, budget: RetryBudget = DEFAULT_BUDGET,
  sleep: (ms: number) => Promise<void> = wait): (request: Request) => Promise<Response> {
  return async (request) => {
    const retries = retriesFor(request, budget)
    let waited = 0
    for (let attempt = 0; ; attempt++) {
      // a request's body can be read once: keep the original for the next attempt
      const response = await send(attempt < retries ? request.clone() : request)
      const delay = retryAfterMs(response)
      if (attempt >= retries || delay === undefined || waited + delay > budget.totalMs) return response
      waited += delay
      await sleep(delay)
    }
  }
}
