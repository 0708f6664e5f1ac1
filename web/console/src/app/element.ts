import type { App, Plugin } from 'vue'
import {
  ElAlert, ElButton, ElCard, ElCheckbox, ElConfigProvider, ElContainer, ElDescriptions, ElDescriptionsItem, ElDialog,
  ElEmpty, ElForm, ElFormItem, ElHeader, ElInput, ElInputNumber, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination,
  ElRadioButton, ElRadioGroup, ElResult, ElSelect, ElSkeleton, ElTable, ElTableColumn, ElTag, ElTimeline,
  ElTimelineItem,
} from 'element-plus'

/**
 * The Element Plus components the screens use, imported on demand (the whole library would cost ≈ 100 kB gzip)
 * and registered globally (`<el-…>` in templates). The app (main.ts) and the component tests
 * (src/test/mountWithApp.ts) both install exactly this list, so a component missing here fails its test as it
 * would render nothing in the browser.
 */
export const ELEMENT_COMPONENTS = [ElAlert, ElButton, ElCard, ElCheckbox, ElConfigProvider, ElContainer, ElDescriptions,
  ElDescriptionsItem, ElDialog, ElEmpty, ElForm, ElFormItem, ElHeader, ElInput, ElInputNumber, ElMain, ElMenu,
  ElMenuItem, ElOption, ElPagination, ElRadioButton, ElRadioGroup, ElResult, ElSelect, ElSkeleton, ElTable,
  ElTableColumn, ElTag, ElTimeline, ElTimelineItem] as const

/**
 * Registered by name: `app.use` would skip the parts Element Plus installs only with their parent (ElRadioGroup,
 * ElTableColumn, ElOption, …), which then render nothing.
 */
export const element: Plugin = {
  install(app: App) {
    for (const component of ELEMENT_COMPONENTS) app.component(component.name!, component)
  },
}
