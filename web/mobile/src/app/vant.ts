import type { App, Plugin } from 'vue'
import {
  Button, Cell, CellGroup, ConfigProvider, Dialog, Empty, Field, Form, NavBar, Notify, Radio, RadioGroup, Skeleton,
  Switch, Tabbar, TabbarItem, Tag, Toast, Checkbox, CheckboxGroup, Collapse, CollapseItem, Steps, Step, Popup, Picker,
  DatePicker, Stepper, Badge, Loading, PullRefresh, List, Icon, Divider, NoticeBar, ActionSheet, Space, TimePicker,
} from 'vant'

/**
 * The Vant components the screens use, registered globally (`<van-…>` in templates). If a screen needs one that is
 * not here, add it to this list: the app (main.ts) and the component tests (src/test/mountWithApp.ts) both install
 * exactly this list, so a component missing here fails its test as it would fail in the browser.
 */
export const VANT_COMPONENTS = [Button, Cell, CellGroup, ConfigProvider, Dialog, Empty, Field, Form, NavBar, Notify, Radio,
  RadioGroup, Skeleton, Switch, Tabbar, TabbarItem, Tag, Toast, Checkbox, CheckboxGroup, Collapse, CollapseItem,
  Steps, Step, Popup, Picker, DatePicker, Stepper, Badge, Loading, PullRefresh, List, Icon, Divider, NoticeBar,
  ActionSheet, Space, TimePicker] as const

export const vant: Plugin = {
  install(app: App) {
    for (const component of VANT_COMPONENTS) app.use(component)
  },
}
