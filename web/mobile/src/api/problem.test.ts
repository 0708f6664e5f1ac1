import { describe, expect, it } from 'vitest'
import { problemFrom, NetworkProblem } from './problem'

function response(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  })
}

describe('problem+json from the gateway and the services', () => {
  it('keeps the code, the localized detail and every field error by field path', async () => {
    const problem = await problemFrom(response(400, {
      status: 400, code: 'VALIDATION_FAILED', detail: '部分字段有误',
      errors: [
        { field: 'idNumber', message: '校验码不正确，请核对号码' },
        { field: 'education.graduationDate', message: '日期不能晚于今天' },
        { field: 'idNumber', message: '第二条同字段错误' },
      ],
    }))

    expect(problem.code).toBe('VALIDATION_FAILED')
    expect(problem.detail).toBe('部分字段有误')
    expect(problem.byField()).toEqual({
      idNumber: '校验码不正确，请核对号码',
      'education.graduationDate': '日期不能晚于今天',
    })
    expect(problem.temporary).toBe(false)
  })

  it('treats load shedding and unavailability as temporary, with the server\'s Retry-After', async () => {
    const limited = await problemFrom(response(429, { code: 'RATE_LIMITED' }, { 'Retry-After': '12' }))
    const down = await problemFrom(response(503, { code: 'UPSTREAM_UNAVAILABLE' }))

    expect(limited.temporary).toBe(true)
    expect(limited.retryAfterSeconds).toBe(12)
    expect(down.temporary).toBe(true)
    expect(down.retryAfterSeconds).toBeUndefined()
    expect(new NetworkProblem().temporary).toBe(true)
  })

  it('survives a body that is not JSON (a proxy\'s HTML page)', async () => {
    const problem = await problemFrom(new Response('<html>Bad Gateway</html>', { status: 502 }))

    expect(problem.code).toBe('HTTP_502')
    expect(problem.detail).toBeUndefined()
    expect(problem.fieldErrors).toEqual([])
  })
})
