import { ref, computed } from 'vue'
import type Keycloak from 'keycloak-js'
import { config } from '@/app/config'

/**
 * Sign-in through the realm's public client with Authorization Code + PKCE. Tokens stay in memory (never in
 * storage). After a reload, a resident who was signed in in this tab is signed in again through Keycloak's session
 * cookie (a redirect with prompt=none, no login page); the tab only remembers THAT it was signed in, nothing else.
 * keycloak-js is loaded only when needed, so anonymous visitors do not pay for it.
 */
const SESSION_HINT = 'qj.signedIn'
const keycloak = ref<Keycloak>()
const authenticated = ref(false)
const subject = ref<string>()
const displayName = ref<string>()

/** The Keycloak pages' language: the realm offers zh-Hans and en. */
function locale(): string {
  return document.documentElement.lang === 'en' ? 'en' : 'zh-Hans'
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
  if (isLoginCallback(url)) {
    await init()
  } else if (sessionStorage.getItem(SESSION_HINT) === '1') {
    await init('check-sso')
  }
}

function sync(): void {
  const instance = keycloak.value
  authenticated.value = !!instance?.authenticated
  if (authenticated.value) sessionStorage.setItem(SESSION_HINT, '1')
  else sessionStorage.removeItem(SESSION_HINT)
  subject.value = instance?.tokenParsed?.sub
  const parsed = instance?.tokenParsed as { preferred_username?: string } | undefined
  displayName.value = parsed?.preferred_username
}

function clear(): void {
  sessionStorage.removeItem(SESSION_HINT)
  authenticated.value = false
  subject.value = undefined
}

/** True when the current URL carries the answer of a Keycloak redirect. */
export function isLoginCallback(url: URL = new URL(window.location.href)): boolean {
  return url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'))
}

async function login(returnTo: string = window.location.pathname + window.location.search): Promise<void> {
  await init()
  await keycloak.value!.login({ redirectUri: window.location.origin + returnTo, locale: locale() })
}

async function register(returnTo: string = '/profile'): Promise<void> {
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

export function useAuth() {
  return {
    authenticated: computed(() => authenticated.value),
    subject: computed(() => subject.value),
    displayName: computed(() => displayName.value),
    init,
    restore,
    login,
    register,
    logout,
    token,
  }
}
