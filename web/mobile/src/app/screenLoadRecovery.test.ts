import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { isScreenLoadFailure, recoverFailedScreenLoads } from '@shared/app/screenLoadRecovery'

function fakeWindow(onLine = true) {
  const stored = new Map<string, string>()
  const assign = vi.fn()
  const win = {
    navigator: { onLine },
    sessionStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value) },
    location: { assign },
  } as unknown as Window
  return { win, assign }
}

function routerWith(failure: Error) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<p>home</p>' } },
      { path: '/applications/:id', component: () => Promise.reject(failure) },
    ],
  })
  return router
}

const DROPPED = new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/ApplicationDetailScreen-x1.js')

describe('recoverFailedScreenLoads', () => {
  it('loads the page afresh at the target when a screen\'s code did not arrive, once a minute at most', async () => {
    const { win, assign } = fakeWindow()
    const router = routerWith(DROPPED)
    recoverFailedScreenLoads(router, win)
    await router.push('/').catch(() => undefined)

    await router.push('/applications/a1').catch(() => undefined)
    expect(assign).toHaveBeenCalledWith('/applications/a1')

    await router.push('/applications/a1').catch(() => undefined)
    expect(assign).toHaveBeenCalledTimes(1)
  })

  it('stays on the screen while the device is offline', async () => {
    const { win, assign } = fakeWindow(false)
    const router = routerWith(DROPPED)
    recoverFailedScreenLoads(router, win)
    await router.push('/applications/a1').catch(() => undefined)
    expect(assign).not.toHaveBeenCalled()
  })

  it('leaves other navigation failures alone', async () => {
    const { win, assign } = fakeWindow()
    const router = routerWith(new Error('the profile could not be read'))
    recoverFailedScreenLoads(router, win)
    await router.push('/applications/a1').catch(() => undefined)
    expect(assign).not.toHaveBeenCalled()
  })

  it('knows the failures of Chromium, Firefox, Safari and Vite\'s preload', () => {
    expect(isScreenLoadFailure(DROPPED)).toBe(true)
    expect(isScreenLoadFailure(new TypeError('error loading dynamically imported module: http://x/a.js'))).toBe(true)
    expect(isScreenLoadFailure(new TypeError('Importing a module script failed.'))).toBe(true)
    expect(isScreenLoadFailure(new Error('Unable to preload CSS for /assets/a.css'))).toBe(true)
    expect(isScreenLoadFailure(new Error('Request failed'))).toBe(false)
  })
})
