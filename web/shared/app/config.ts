/**
 * Where an app finds the gateway and Keycloak: served by the web server as /config.json, so that one build runs
 * against a stack on any ports. Each app names the fields it reads.
 */
export interface BaseConfig {
  apiBase: string
  keycloakUrl: string
  realm: string
  clientId: string
}

export function configHolder<T extends BaseConfig>() {
  let loaded: T | undefined
  return {
    async load(fetchImpl: typeof fetch = fetch): Promise<T> {
      const response = await fetchImpl('/config.json', { cache: 'no-store' })
      if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`)
      loaded = (await response.json()) as T
      return loaded
    },
    get(): T {
      if (!loaded) throw new Error('config not loaded yet')
      return loaded
    },
    /** For tests. */
    set(value: T): void {
      loaded = value
    },
  }
}
