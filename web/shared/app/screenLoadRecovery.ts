import type { Router } from 'vue-router'

/** Where the reload was last tried, per target: a file that is really gone must not reload the page forever. */
const TRIED_KEY = 'qj-screen-reload'
const RETRY_AFTER_MS = 60_000

/**
 * Each screen's code arrives when the screen is first opened. When it does not — a mobile connection that dropped
 * for a moment, or a new version deployed since the page was loaded, whose files carry other names — the
 * navigation fails and the tap seems to do nothing. Loading the page afresh at the target mends both. At most once
 * a minute per target, and not while the device says it is offline (the browser's offline page would replace the
 * app, whose screens already say the network is down).
 */
export function recoverFailedScreenLoads(router: Router, win: Window = window): void {
  router.onError((error, to) => {
    if (!isScreenLoadFailure(error) || !win.navigator.onLine) return
    const target = router.resolve(to).href
    const tried = readTried(win)
    if (Date.now() - (tried[target] ?? 0) < RETRY_AFTER_MS) return
    win.sessionStorage.setItem(TRIED_KEY, JSON.stringify({ ...tried, [target]: Date.now() }))
    win.location.assign(target)
  })
}

/** The messages Chromium, Firefox and Safari give a dynamic import that failed, and Vite its preload. */
export function isScreenLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(message)
}

function readTried(win: Window): Record<string, number> {
  try {
    return JSON.parse(win.sessionStorage.getItem(TRIED_KEY) ?? '{}') as Record<string, number>
  } catch {
    return {}
  }
}
