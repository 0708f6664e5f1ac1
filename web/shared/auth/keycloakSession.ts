import { computed, ref, shallowRef } from 'vue'
import type Keycloak from 'keycloak-js'
import type { BaseConfig } from '../app/config'

/**
 * Sign-in through a public realm client with Authorization Code + PKCE. Tokens stay in memory (never in storage).
 * After a reload, a person who was signed in in this tab is signed in again through Keycloak's session cookie (a
 * redirect with prompt=none, no login page); the tab only remembers THAT it was signed in. keycloak-js is loaded
 * only when needed.
 */
export function keycloakSession(config: () => BaseConfig, sessionHint: string) {
  const keycloak = shallowRef<Keycloak>()
  const authenticated = ref(false)
  const subject = ref<string>()
  const userName = ref<string>()
  const roles = ref<string[]>([])

  /** The Keycloak pages' language: the realm offers zh-Hans and en. */
  function locale(): string {
    return document.documentElement.lang === 'en' ? 'en' : 'zh-Hans'
  }

  function sync(): void {
    const instance = keycloak.value
    authenticated.value = !!instance?.authenticated
    if (authenticated.value) sessionStorage.setItem(sessionHint, '1')
    else sessionStorage.removeItem(sessionHint)
    const parsed = instance?.tokenParsed as { preferred_username?: string; realm_access?: { roles?: string[] } } | undefined
    subject.value = instance?.tokenParsed?.sub
    userName.value = parsed?.preferred_username
    roles.value = parsed?.realm_access?.roles ?? []
  }

  function clear(): void {
    sessionStorage.removeItem(sessionHint)
    authenticated.value = false
    subject.value = undefined
    roles.value = []
  }

  async function init(onLoad?: 'check-sso'): Promise<void> {
    if (keycloak.value) return
    const { default: KeycloakClass } = await import('keycloak-js')
    const { keycloakUrl, realm, clientId } = config()
    const instance = new KeycloakClass({ url: keycloakUrl, realm, clientId })
    // Keycloak is another site than the app: no login iframe. The code in the URL after a redirect is redeemed here.
    await instance.init({ pkceMethod: 'S256', checkLoginIframe: false, responseMode: 'query', onLoad })
    instance.onTokenExpired = () => {
      instance.updateToken(30).catch(() => clear())
    }
    keycloak.value = instance
    sync()
  }

  /** Once per page load: redeem a login answer in the URL, or silently restore the session this tab had. */
  async function restore(url: URL = new URL(window.location.href)): Promise<void> {
    if (isLoginCallback(url)) await init()
    else if (sessionStorage.getItem(sessionHint) === '1') await init('check-sso')
  }

  async function login(returnTo: string = window.location.pathname + window.location.search): Promise<void> {
    await init()
    await keycloak.value!.login({ redirectUri: window.location.origin + returnTo, locale: locale() })
  }

  /** Keycloak's registration page (the realm allows self-registration for residents); back to `returnTo`. */
  async function register(returnTo: string): Promise<void> {
    await init()
    await keycloak.value!.register({ redirectUri: window.location.origin + returnTo, locale: locale() })
  }

  async function logout(): Promise<void> {
    await keycloak.value?.logout({ redirectUri: window.location.origin + '/' })
    clear()
  }

  /** A token valid for at least 30 more seconds, refreshed first when needed; undefined when signed out. */
  async function token(): Promise<string | undefined> {
    const instance = keycloak.value
    if (!instance?.authenticated) return undefined
    try {
      await instance.updateToken(30)
    } catch {
      clear()
      return undefined
    }
    return instance.token
  }

  return {
    authenticated: computed(() => authenticated.value),
    subject: computed(() => subject.value),
    userName: computed(() => userName.value),
    roles: computed(() => roles.value),
    hasRole: (role: string) => roles.value.includes(role),
    init,
    restore,
    login,
    register,
    logout,
    token,
  }
}

/** True when the URL carries the answer of a Keycloak redirect. */
export function isLoginCallback(url: URL = new URL(window.location.href)): boolean {
  return url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'))
}
