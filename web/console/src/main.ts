import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import './app/theme.css'
import App from './App.vue'
import { loadConfig } from './app/config'
import { createAppRouter } from './app/router'
import { element } from './app/element'
import { i18n, currentLocale } from './i18n'

async function start(): Promise<void> {
  document.documentElement.lang = currentLocale()
  await loadConfig()
  const app = createApp(App)
  app.use(element)
  app.use(i18n)
  app.use(createAppRouter())
  app.mount('#app')
}

start().catch((error) => {
  // Without its configuration the console cannot reach anything; say so plainly instead of a blank page.
  document.body.textContent = i18n.global.t('state.startFailed')
  console.warn('start-up failed', error)
})
