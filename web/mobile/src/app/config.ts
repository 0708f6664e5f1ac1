/**
 * Where the app finds the gateway and Keycloak. Served by the web server as /config.json, so that one build runs
 * against a stack on any ports.
 */
export interface AppConfig {
  apiBase: string
  keycloakUrl: string
  realm: string
  clientId: string
  privacyNoticeVersion: string
}

let loaded: AppConfig | undefined

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store' })
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`)
  loaded = (await response.json()) as AppConfig
  return loaded
}

export function config(): AppConfig {
  if (!loaded) throw new Error('config not loaded yet')
  return loaded
}

/** For tests. */
export function setConfig(value: AppConfig): void {
  loaded = value
}
