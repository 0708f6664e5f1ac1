import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@/api/problem'
import { exportFileName, saveBlob, useMyDataExport } from './useMyDataExport'

const mocks = vi.hoisted(() => ({ GET: vi.fn() }))
vi.mock('@/api/client', () => ({ api: () => ({ talent: { GET: mocks.GET } }), call: (request: Promise<unknown>) => request }))

describe('exportFileName', () => {
  it('names the file after the day in Qujiang', () => {
    expect(exportFileName(new Date('2026-11-29T10:00:00+08:00'))).toBe('qingnian-qujiang-mydata-2026-11-29.json')
    // 23:30 UTC is already the next morning in Qujiang.
    expect(exportFileName(new Date('2026-12-31T23:30:00Z'))).toBe('qingnian-qujiang-mydata-2027-01-01.json')
  })
})

describe('saveBlob', () => {
  afterEach(() => { vi.useRealTimers() })

  it('clicks a temporary download link for an object URL, then lets the URL go', () => {
    vi.useFakeTimers()
    const urls = { createObjectURL: vi.fn(() => 'blob:local/1'), revokeObjectURL: vi.fn() }
    const clicked: HTMLAnchorElement[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicked.push(this) })
    const blob = new Blob(['{}'], { type: 'application/json' })

    saveBlob(blob, 'mine.json', document, urls)

    expect(urls.createObjectURL).toHaveBeenCalledWith(blob)
    expect(clicked).toHaveLength(1)
    expect(clicked[0]!.download).toBe('mine.json')
    expect(clicked[0]!.getAttribute('href')).toBe('blob:local/1')
    expect(document.querySelector('a[download]')).toBeNull()
    expect(urls.revokeObjectURL).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(urls.revokeObjectURL).toHaveBeenCalledWith('blob:local/1')
    click.mockRestore()
  })
})

describe('useMyDataExport', () => {
  let click: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    mocks.GET.mockReset()
    click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    URL.createObjectURL = vi.fn(() => 'blob:local/2')
    URL.revokeObjectURL = vi.fn()
  })
  afterEach(() => { click.mockRestore() })

  it('fetches the export with the token (through the API client) as a blob and saves it', async () => {
    mocks.GET.mockResolvedValue(new Blob(['{"applicantId":"a"}'], { type: 'application/json' }))
    const exporter = useMyDataExport()
    await exporter.download()
    expect(mocks.GET).toHaveBeenCalledWith('/api/talent/me/export', { parseAs: 'blob' })
    expect(click).toHaveBeenCalledTimes(1)
    expect(exporter.savedAs.value).toMatch(/^qingnian-qujiang-mydata-\d{4}-\d{2}-\d{2}\.json$/)
    expect(exporter.downloading.value).toBe(false)
  })

  it('says so when the export failed and saves nothing', async () => {
    mocks.GET.mockRejectedValue(new ApiProblem(503, 'UNAVAILABLE', undefined))
    const exporter = useMyDataExport()
    await exporter.download()
    expect(exporter.problem.value).toBeInstanceOf(ApiProblem)
    expect(exporter.savedAs.value).toBeUndefined()
    expect(click).not.toHaveBeenCalled()
  })
})
