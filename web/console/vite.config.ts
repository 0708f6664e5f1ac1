/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

/**
 * `npm run dev` against the stack `./run.sh` starts on its default ports: the dev server answers /config.json as the
 * web module's server does in production (port 5174 is the realm's redirect URI of hr-console).
 */
function devConfig(): Plugin {
  const body = JSON.stringify({
    apiBase: process.env.QJ_API_BASE ?? 'http://127.0.0.1:8080',
    keycloakUrl: process.env.QJ_KEYCLOAK_URL ?? 'http://127.0.0.1:8180',
    realm: 'qujiang',
    clientId: 'hr-console',
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

export default defineConfig({
  plugins: [vue(), devConfig()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@shared': fileURLToPath(new URL('../shared', import.meta.url)),
    },
  },
  build: {
    // Served from the web module's jar: classpath:/static/console/
    outDir: fileURLToPath(new URL('../target/classes/static/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // A desktop console: Element Plus in a chunk of its own, cached across releases of the screens. The date pickers
    // (only the statistics screen has one) stay with the screen that imports them, out of the first screen.
    rollupOptions: { output: { manualChunks: (id) => (id.includes('element-plus') && !/date-picker|time-picker/.test(id) ? 'element-plus' : undefined) } },
  },
  server: { port: 5174, strictPort: true },
  // Screens mount with Element Plus: seconds each on a busy 2-core machine, more than vitest's 5 s default.
  test: { environment: 'happy-dom', include: ['src/**/*.test.ts'], testTimeout: 30_000 },
})
