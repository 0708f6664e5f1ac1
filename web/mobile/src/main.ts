import { createApp } from 'vue'
import 'vant/lib/index.css'
import './app/theme.css'
import App from './App.vue'
import { loadConfig } from './app/config'
import { createAppRouter } from './app/router'
import { i18n, currentLocale } from './i18n'
import { applyLargeText } from './app/usePreferences'
import { vant } from './app/vant'

async function start(): Promise<void> {
  document.documentElement.lang = currentLocale()
  applyLargeText()
  await loadConfig()
  const app = createApp(App)
  // Every Vant component the screens use; the list (shared with the component tests) is in app/vant.ts.
  app.use(vant)
  app.use(i18n)
  app.use(createAppRouter())
  app.mount('#app')
}

start().catch((error) => {
  // Without its configuration the app cannot reach anything; say so plainly instead of a blank page.
  document.body.textContent = i18n.global.t('state.startFailed')
  console.warn('start-up failed', error)
})
