/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

/**
 * Vant's icon font lists a fallback on an outside CDN host after its embedded data: font. Offline, or under the
 * app's CSP, the browser's request to that host fails and is reported; the embedded font is all we need.
 */
function stripVantCdnFont(): Plugin {
  return {
    name: 'strip-vant-cdn-font',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('vant') || !id.endsWith('.css')) return null
      return { code: code.replace(/,\s*url\(\/\/at\.alicdn\.com[^)]*\)\s*format\("[a-z0-9]+"\)/g, ''), map: null }
    },
  }
}

/**
 * `npm run dev` against the stack `./run.sh` starts on its default ports: the dev server answers /config.json as the
 * web module's server does in production.
 */
function devConfig(): Plugin {
  const body = JSON.stringify({
    apiBase: process.env.QJ_API_BASE ?? 'http://127.0.0.1:8080',
    keycloakUrl: process.env.QJ_KEYCLOAK_URL ?? 'http://127.0.0.1:8180',
    realm: 'qujiang',
    clientId: 'youth-mobile',
    privacyNoticeVersion: '2026-01',
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
  plugins: [vue(), stripVantCdnFont(), devConfig()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@shared': fileURLToPath(new URL('../shared', import.meta.url)),
    },
  },
  build: {
    // Served from the web module's jar: classpath:/static/mobile/
    outDir: fileURLToPath(new URL('../target/classes/static/mobile', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
  },
  server: { port: 5173, strictPort: true },
  test: { environment: 'happy-dom', include: ['src/**/*.test.ts'] },
})
