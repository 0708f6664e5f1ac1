import { api, call } from '@/api/client'
import type { components } from '@/api/generated/policy'
import { currentLocale } from '@/i18n'

export type MeasureSummary = components['schemas']['MeasureSummary']
export type MeasureList = components['schemas']['MeasureList']

/**
 * The public catalogue (titles, benefits with months, windows), fetched once per language and kept for the session:
 * it changes only when an administrator publishes, and every screen that shows results needs it.
 */
const cache = new Map<string, Promise<MeasureList>>()

export function loadCatalogue(): Promise<MeasureList> {
  const locale = currentLocale()
  let pending = cache.get(locale)
  if (!pending) {
    pending = call(api().policy.GET('/api/policy/measures', {}))
    cache.set(locale, pending)
    // A failed read is not kept: the next screen tries again.
    pending.catch(() => cache.delete(locale))
  }
  return pending
}

/** Measures by code, for looking up months, windows and titles of other measures. */
export async function loadCatalogueByCode(): Promise<Map<string, MeasureSummary>> {
  const list = await loadCatalogue()
  return new Map((list.measures ?? []).map((m) => [m.code ?? '', m]))
}

/** For tests. */
export function forgetCatalogue(): void {
  cache.clear()
}
