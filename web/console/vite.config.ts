/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { devConfig } from '../shared/vite/devConfig.ts'

export default defineConfig({
  plugins: [vue(), devConfig({ clientId: 'hr-console' })],
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
  // 5174 is the realm's redirect URI of hr-console.
  server: { port: 5174, strictPort: true },
  // Screens mount with Element Plus: seconds each on a busy 2-core machine, more than vitest's 5 s default.
  test: { environment: 'happy-dom', include: ['src/**/*.test.ts'], testTimeout: 30_000 },
})
