import { appI18n, mergeBundles, type Bundle } from '@shared/i18n/appI18n'
import common from './common'

export type { Locale } from '@shared/i18n/appI18n'
export { LOCALES } from '@shared/i18n/appI18n'

/**
 * zh-CN by default, en by the switch on the "我的" screen (kept on the device). Each feature keeps its texts in
 * `features/<feature>/messages.ts`, merged over the app's common texts.
 */
const featureBundles = import.meta.glob<{ default: Bundle }>('../features/*/messages.ts', { eager: true })

export function allMessages(): Bundle {
  return mergeBundles(common, Object.values(featureBundles).map((module) => module.default))
}

const app = appI18n(allMessages(), 'qj.locale')
export const i18n = app.i18n
export const currentLocale = app.currentLocale
export const setLocale = app.setLocale
