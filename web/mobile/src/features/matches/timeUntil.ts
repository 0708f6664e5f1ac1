/**
 * How long until a day, in the largest whole unit a resident would say: "还差 2 个月", "还差 12 天", "还差 1 年".
 * Days are ISO (yyyy-mm-dd) in the district's calendar; months count like the engine does (a month is complete on
 * the same day of the next month), rounded up so that "2 个月" never undersells the wait.
 */
export interface Wait {
  n: number
  unit: 'days' | 'months' | 'years'
}

function parts(iso: string): [number, number, number] {
  const [year, month, day] = iso.split('-').map(Number)
  return [year, month, day]
}

export function timeUntil(fromIso: string, toIso: string): Wait | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fromIso) || !/^\d{4}-\d{2}-\d{2}$/.test(toIso) || toIso <= fromIso) return undefined
  const [fy, fm, fd] = parts(fromIso)
  const [ty, tm, td] = parts(toIso)
  const days = Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000)
  if (days < 31) return { n: days, unit: 'days' }
  const months = (ty - fy) * 12 + (tm - fm) + (td > fd ? 1 : 0)
  if (months < 12 || months % 12 !== 0) return { n: months, unit: 'months' }
  return { n: months / 12, unit: 'years' }
}
