import { appI18n, mergeBundles, type Bundle } from '@shared/i18n/appI18n'
import common from './common'

export type { Locale } from '@shared/i18n/appI18n'
export { LOCALES } from '@shared/i18n/appI18n'

const featureBundles = import.meta.glob<{ default: Bundle }>('../features/*/messages.ts', { eager: true })

export function allMessages(): Bundle {
  return mergeBundles(common, Object.values(featureBundles).map((module) => module.default))
}

const app = appI18n(allMessages(), 'qj.console.locale')
export const i18n = app.i18n
export const currentLocale = app.currentLocale
export const setLocale = app.setLocale
