import type { Plugin } from 'vite'

/**
 * `npm run dev` against the stack `./run.sh` starts on its default ports: the dev server answers /config.json as the
 * web module's server does in production. `app` holds what differs per app (its realm client, …).
 */
export function devConfig(app: { clientId: string } & Record<string, string>): Plugin {
  const body = JSON.stringify({
    apiBase: process.env.QJ_API_BASE ?? 'http://127.0.0.1:8080',
    keycloakUrl: process.env.QJ_KEYCLOAK_URL ?? 'http://127.0.0.1:8180',
    realm: 'qujiang',
    ...app,
  })
  return {
    name: 'dev-config',
    configureServer(server) {
      server.middlewares.use('/config.json', (_req, res) => {
        res.setHeader('Content-Type', 'application/json')
        res.end(body)
      })
    },
  }
}
