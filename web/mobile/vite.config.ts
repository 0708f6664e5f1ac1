/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { devConfig } from '../shared/vite/devConfig.ts'

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

export default defineConfig({
  plugins: [vue(), stripVantCdnFont(), devConfig({ clientId: 'youth-mobile', privacyNoticeVersion: '2026-01' })],
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
