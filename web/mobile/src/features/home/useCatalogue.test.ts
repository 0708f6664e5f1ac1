import { beforeEach, describe, expect, it, vi } from 'vitest'
import { availability, groupByCategory, useCatalogue, type MeasureSummary } from './useCatalogue'

const mocks = vi.hoisted(() => ({ GET: vi.fn() }))
vi.mock('@/api/client', () => ({ api: () => ({ policy: { GET: mocks.GET } }), call: (request: Promise<unknown>) => request }))

const measure = (code: string, category: string, extra: Partial<MeasureSummary> = {}): MeasureSummary =>
  ({ code, category, title: code, mode: 'APPLY', openToday: true, ...extra })

describe('groupByCategory', () => {
  it('keeps the district order of categories, whatever order the measures come in, and leaves out empty ones', () => {
    const groups = groupByCategory([measure('L1', 'LEISURE'), measure('E1', 'EMPLOYMENT'), measure('E2', 'EMPLOYMENT'), measure('H1', 'HOUSING')])
    expect(groups.map((g) => [g.category, g.measures.map((m) => m.code)])).toEqual([
      ['EMPLOYMENT', ['E1', 'E2']], ['HOUSING', ['H1']], ['LEISURE', ['L1']],
    ])
  })

  it('does not drop measures of a category it does not know yet', () => {
    const groups = groupByCategory([measure('X1', 'VOLUNTEERING'), measure('G1', 'GROWTH')])
    expect(groups.map((g) => g.category)).toEqual(['GROWTH', 'VOLUNTEERING'])
  })
})

describe('availability', () => {
  it('tells automatic grants, closed windows and open measures apart', () => {
    expect(availability(measure('A', 'LIVING', { mode: 'AUTO_GRANT' }))).toBe('automatic')
    expect(availability(measure('B', 'LIVING', { openToday: false }))).toBe('notOpen')
    expect(availability(measure('C', 'LIVING'))).toBe('open')
  })
})

describe('useCatalogue', () => {
  beforeEach(() => { mocks.GET.mockReset() })

  it('shows the sample notice only while the catalogue is the sample', async () => {
    mocks.GET.mockResolvedValueOnce({ sample: true, notice: '本政策目录为示例', count: 1, measures: [measure('E1', 'EMPLOYMENT')] })
    const catalogue = useCatalogue()
    await catalogue.load()
    expect(mocks.GET).toHaveBeenCalledWith('/api/policy/measures')
    expect(catalogue.notice.value).toBe('本政策目录为示例')
    expect(catalogue.groups.value).toHaveLength(1)

    mocks.GET.mockResolvedValueOnce({ sample: false, notice: 'ignored', count: 0, measures: [] })
    await catalogue.load()
    expect(catalogue.notice.value).toBeUndefined()
  })
})
