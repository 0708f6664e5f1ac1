import { parseRetryAfter } from './politeRetry'

/**
 * An RFC 9457 problem from the gateway or a service, as the screens use it: the stable code decides what to show,
 * the server's localized detail is shown as is, field errors go beside their fields.
 */
export interface FieldError {
  field: string
  message: string
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | undefined,
    readonly fieldErrors: FieldError[] = [],
    readonly retryAfterSeconds: number | undefined = undefined,
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail ?? code)
    this.name = 'ApiProblem'
  }

  /** The gateway sheds load or a service is down: the screen offers a calm retry, not an error. */
  get temporary(): boolean {
    return this.status === 429 || this.status === 503
  }

  /** Field errors by field path, e.g. {"education.graduationDate": "…"}. The first message wins. */
  byField(): Record<string, string> {
    const result: Record<string, string> = {}
    for (const error of this.fieldErrors) result[error.field] ??= error.message
    return result
  }
}

/** A network failure (offline, DNS, CORS) is shown like a temporary problem. */
export class NetworkProblem extends ApiProblem {
  constructor() {
    super(0, 'NETWORK', undefined)
  }

  override get temporary(): boolean {
    return true
  }
}

export async function problemFrom(response: Response): Promise<ApiProblem> {
  let body: Record<string, unknown> = {}
  try {
    body = (await response.clone().json()) as Record<string, unknown>
  } catch {
    // Not JSON (a proxy's HTML page): the status alone decides.
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'))
  const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : []
  return new ApiProblem(
    response.status,
    typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
    typeof body.detail === 'string' ? body.detail : undefined,
    errors.filter((e) => e && typeof e.field === 'string'),
    retryAfterMs ? Math.ceil(retryAfterMs / 1000) : undefined,
    body,
  )
}

/** A read whose 404 means "nothing yet" (no profile, no results): undefined instead of a problem. */
export async function orNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return undefined
    throw error
  }
}
