import { defineComponent, type Component } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, type RouteRecordRaw, type Router } from 'vue-router'
import { i18n } from '@/i18n'
import { routes } from '@/app/router'
import { element } from '@/app/element'

/**
 * Mounts a screen or component as the console would: with its i18n (zh-CN unless a test switches it), the Element
 * Plus components main.ts registers, and a router with the console's own paths in memory (screens are blank
 * stand-ins, so a link or push goes to the real path without loading another screen). Resolves after the first
 * loads settled. An `<el-…>` tag main.ts does not register fails the mount, as it would render nothing.
 */
const Blank = defineComponent({ name: 'BlankScreen', render: () => null })

function memoryRoutes(): RouteRecordRaw[] {
  return routes().map((route) => ('redirect' in route && route.redirect
    ? route
    : { path: route.path, meta: route.meta, component: Blank } as RouteRecordRaw))
}

export interface MountOptions {
  props?: Record<string, unknown>
  route?: string
}

export async function mountWithApp(component: Component, options: MountOptions = {}): Promise<{ wrapper: VueWrapper; router: Router }> {
  const router = createRouter({ history: createMemoryHistory(), routes: memoryRoutes() })
  await router.push(options.route ?? '/queue')
  await router.isReady()
  const unresolved: string[] = []
  const wrapper = mount(component, {
    props: options.props,
    attachTo: document.body,
    global: {
      plugins: [i18n, router, element],
      config: {
        warnHandler: (message, _instance, trace) => {
          if (message.startsWith('Failed to resolve component')) unresolved.push(message)
          else if (!message.includes('ElementPlusError')) console.warn(`[Vue warn]: ${message}${trace}`)
        },
      },
    },
  })
  await flushPromises()
  if (unresolved.length) {
    wrapper.unmount()
    throw new Error(`not registered (add it to src/app/element.ts): ${unresolved.join('; ')}`)
  }
  return { wrapper, router }
}

/** The text a person reads, with runs of white space as one space. */
export function readable(wrapper: { text(): string }): string {
  return wrapper.text().replace(/\s+/g, ' ').trim()
}

/** Codes of the APIs that must never reach the screen (statuses, kinds, outcomes, decisions, facts' values). */
export const CODES = /\b(SUBMITTED|INFO_REQUESTED|OFFERED|CONFIRMED|APPROVED|REJECTED|ENDED|APPLICATION|OFFER|ELIGIBLE|INELIGIBLE|NEEDS_INFO|PASSED|FAILED|APPROVE|REJECT|REQUEST_INFO|BACHELOR|CNY_PER_MONTH|CRITERIA_MET|OFFICER|APPLICANT|undefined|null|NaN)\b/

/** Buttons by their words, as an officer finds them. */
export function buttonTexts(wrapper: VueWrapper): string[] {
  return wrapper.findAll('button').map((b) => b.text().trim()).filter(Boolean)
}
