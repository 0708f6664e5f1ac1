import { describe, expect, it, vi } from 'vitest'
import { politeRetry, retryAfterMs } from '@shared/api/politeRetry'
import { busySave, temporaryWording } from './busySave'
import { ApiProblem } from './problem'

const busy = (seconds?: number, status = 503) => new Response(JSON.stringify({ code: 'OVERLOADED' }), {
  status, headers: seconds === undefined ? {} : { 'Retry-After': String(seconds) },
})
const ok = () => new Response('{}', { status: 200 })

/** A server that answers with the given responses in turn, and the waits the client asked for. */
function server(...answers: Response[]) {
  const sent: Request[] = []
  const waits: number[] = []
  const send = vi.fn(async (request: Request) => {
    sent.push(request)
    return answers.shift() ?? ok()
  })
  const fetch = politeRetry(send, { totalMs: 10_000, readRetries: 2 }, async (ms) => void waits.push(ms))
  return { fetch, sent, waits }
}

const get = () => new Request('http://gw/api/talent/me/profile')
const put = () => new Request('http://gw/api/talent/me/profile', { method: 'PUT', body: '{"version":3}' })
const post = () => new Request('http://gw/api/talent/me/applications', { method: 'POST', body: '{"measureCode":"QJY-01"}' })

describe('polite retries after the service said it is busy', () => {
  it('reads again after Retry-After, at most twice, so the resident sees the page instead of an error', async () => {
    const { fetch, sent, waits } = server(busy(1), busy(2), ok())
    expect((await fetch(get())).status).toBe(200)
    expect(sent).toHaveLength(3)
    expect(waits).toEqual([1000, 2000])

    const stubborn = server(busy(1), busy(1), busy(1), ok())
    expect((await stubborn.fetch(get())).status).toBe(503)
    expect(stubborn.sent).toHaveLength(3)
  })

  it('gives up at once when waiting would take more than ten seconds in all, or the server named no time', async () => {
    const long = server(busy(30))
    expect((await long.fetch(get())).status).toBe(503)
    expect(long.waits).toEqual([])

    const adding = server(busy(6), busy(6))
    expect((await adding.fetch(get())).status).toBe(503)
    expect(adding.waits).toEqual([6000])

    const silent = server(busy(undefined, 429))
    expect((await silent.fetch(get())).status).toBe(429)
    expect(silent.sent).toHaveLength(1)
  })

  it('never sends an application again by itself; a PUT with the version read is repeated once, body intact', async () => {
    const apply = server(busy(1), ok())
    expect((await apply.fetch(post())).status).toBe(503)
    expect(apply.sent).toHaveLength(1)

    const save = server(busy(1), busy(1), ok())
    expect((await save.fetch(put())).status).toBe(503)
    expect(save.sent).toHaveLength(2)
    expect(await save.sent[1]!.text()).toBe('{"version":3}')
  })

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-29T08:00:00Z')
    expect(retryAfterMs(busy(5), now)).toBe(5000)
    expect(retryAfterMs(new Response('', { status: 503, headers: { 'Retry-After': 'Sun, 29 Nov 2026 08:00:04 GMT' } }), now))
      .toBe(4000)
    expect(retryAfterMs(new Response('', { status: 500, headers: { 'Retry-After': '5' } }), now)).toBeUndefined()
  })
})

describe('a save turned away because the service is busy', () => {
  it('says nothing was saved and when to send it again, as a time and in seconds', () => {
    const now = new Date('2026-11-29T06:00:00Z') // 14:00:00 in Qujiang
    expect(busySave(new ApiProblem(503, 'OVERLOADED', undefined, [], 30), now))
      .toEqual({ key: 'state.busySave', params: { seconds: 30, time: '14:00:30' } })
    expect(busySave(new ApiProblem(429, 'RATE_LIMITED', undefined), now)).toEqual({ key: 'state.busySaveShort' })
    expect(busySave(new ApiProblem(409, 'STALE_VERSION', undefined), now)).toBeUndefined()
  })
})

describe('a failure that passes by itself', () => {
  it('is no connection or a busy service; a refusal of what was sent is not', () => {
    const now = new Date('2026-11-29T06:00:00Z')
    expect(temporaryWording(new ApiProblem(0, 'NETWORK', undefined), now)).toEqual({ key: 'state.offline' })
    expect(temporaryWording(new ApiProblem(503, 'OVERLOADED', undefined, [], 30), now))
      .toEqual({ key: 'state.busySave', params: { seconds: 30, time: '14:00:30' } })
    expect(temporaryWording(new ApiProblem(400, 'VALIDATION_FAILED', undefined), now)).toBeUndefined()
    expect(temporaryWording(new ApiProblem(500, 'INTERNAL', undefined), now)).toBeUndefined()
    expect(temporaryWording(new Error('boom'), now)).toBeUndefined()
  })
})
