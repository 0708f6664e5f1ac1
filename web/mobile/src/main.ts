import { createApp } from 'vue'
import {
  Button, Cell, CellGroup, ConfigProvider, Dialog, Empty, Field, Form, NavBar, Notify, Radio, RadioGroup, Skeleton,
  Switch, Tabbar, TabbarItem, Tag, Toast, Checkbox, CheckboxGroup, Collapse, CollapseItem, Steps, Step, Popup, Picker,
  DatePicker, Stepper, Badge, Loading, PullRefresh, List, Icon, Divider, NoticeBar, ActionSheet, Space, TimePicker,
} from 'vant'
import 'vant/lib/index.css'
import './app/theme.css'
import App from './App.vue'
import { loadConfig } from './app/config'
import { createAppRouter } from './app/router'
import { i18n, currentLocale } from './i18n'
import { applyLargeText } from './app/usePreferences'

async function start(): Promise<void> {
  document.documentElement.lang = currentLocale()
  applyLargeText()
  await loadConfig()
  const app = createApp(App)
  for (const component of [Button, Cell, CellGroup, ConfigProvider, Dialog, Empty, Field, Form, NavBar, Notify, Radio,
    RadioGroup, Skeleton, Switch, Tabbar, TabbarItem, Tag, Toast, Checkbox, CheckboxGroup, Collapse, CollapseItem,
    Steps, Step, Popup, Picker, DatePicker, Stepper, Badge, Loading, PullRefresh, List, Icon, Divider, NoticeBar,
    ActionSheet, Space, TimePicker]) {
    app.use(component)
  }
  app.use(i18n)
  app.use(createAppRouter())
  app.mount('#app')
}

start().catch((error) => {
  // Without its configuration the app cannot reach anything; say so plainly instead of a blank page.
  document.body.textContent = i18n.global.t('state.startFailed')
  console.warn('start-up failed', error)
})
