import { defineComponent, type Component } from 'vue'
import { afterAll } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, type RouteRecordRaw, type Router } from 'vue-router'
import { i18n } from '@/i18n'
import { routes } from '@/app/router'
import { vant } from '@/app/vant'

/**
 * Mounts a screen or component as the app would: with the app's i18n (zh-CN unless a test switches it), the Vant
 * components main.ts registers, and a router with the app's own paths in memory (screens are blank stand-ins, so a
 * link or push goes to the real path without loading another screen). Resolves after the first loads settled.
 *
 * A `<van-…>` tag main.ts does not register fails the mount, as it would render nothing in the browser.
 */
/**
 * Vant components with a safe-area placeholder (action bars, the tab bar) measure themselves again 100, 200 and
 * 300 ms after mounting, on timers unmounting does not clear. A test file that ends sooner tears its DOM down first
 * and the late timer fails the run with "window is not defined"; every file that mounts waits them out.
 */
afterAll(() => new Promise<void>((settled) => setTimeout(settled, 350)))

const Blank = defineComponent({ name: 'BlankScreen', render: () => null })

/** The app's route table with every screen replaced by a blank one; unknown paths still go home. */
function memoryRoutes(): RouteRecordRaw[] {
  return routes().map((route) => ('redirect' in route && route.redirect
    ? route
    : { path: route.path, meta: route.meta, component: Blank } as RouteRecordRaw))
}

export function testRouter(): Router {
  return createRouter({ history: createMemoryHistory(), routes: memoryRoutes() })
}

export interface MountOptions {
  props?: Record<string, unknown>
  /** The route the router is at when the component mounts, e.g. "/profile/basic?from=check". */
  route?: string
  /** Attach to document.body (needed for focus; pair with `enableAutoUnmount(afterEach)`). */
  attach?: boolean
}

export async function mountWithApp(component: Component, options: MountOptions = {}): Promise<{ wrapper: VueWrapper; router: Router }> {
  const router = testRouter()
  await router.push(options.route ?? '/')
  await router.isReady()
  const unresolved: string[] = []
  const wrapper = mount(component, {
    props: options.props,
    attachTo: options.attach ? document.body : undefined,
    global: {
      plugins: [i18n, router, vant],
      config: {
        warnHandler: (message, _instance, trace) => {
          if (message.startsWith('Failed to resolve component')) unresolved.push(message)
          else console.warn(`[Vue warn]: ${message}${trace}`)
        },
      },
    },
  })
  await flushPromises()
  if (unresolved.length) {
    wrapper.unmount()
    throw new Error(`not registered (add it to src/app/vant.ts): ${unresolved.join('; ')}`)
  }
  return { wrapper, router }
}

/** The text a person reads, with runs of white space as one space. */
export function readable(wrapper: { text(): string }): string {
  return wrapper.text().replace(/\s+/g, ' ').trim()
}
