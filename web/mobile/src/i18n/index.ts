import { createI18n } from 'vue-i18n'
import common from './common'

/**
 * vue-i18n with zh-CN as the default and en by the switch on the "我的" screen. Each feature keeps its texts in
 * `features/<feature>/messages.ts` ({ 'zh-CN': {...}, en: {...} } under its own key); they are merged here.
 */
export type Locale = 'zh-CN' | 'en'
export const LOCALES: Locale[] = ['zh-CN', 'en']
type Tree = { [key: string]: string | Tree }
type Bundle = Record<Locale, Tree>

const featureBundles = import.meta.glob<{ default: Bundle }>('../features/*/messages.ts', { eager: true })

export function allMessages(): Bundle {
  const merged: Bundle = { 'zh-CN': { ...common['zh-CN'] }, en: { ...common.en } }
  for (const module of Object.values(featureBundles)) {
    for (const locale of LOCALES) Object.assign(merged[locale], module.default[locale])
  }
  return merged
}

const STORAGE_KEY = 'qj.locale'

function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY)
  return stored === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: allMessages(),
  missingWarn: false,
  fallbackWarn: false,
  numberFormats: {
    'zh-CN': { yuan: { style: 'decimal', maximumFractionDigits: 2 }, integer: { style: 'decimal' } },
    en: { yuan: { style: 'decimal', maximumFractionDigits: 2 }, integer: { style: 'decimal' } },
  },
  datetimeFormats: {
    'zh-CN': { date: { year: 'numeric', month: 'long', day: 'numeric' }, dateTime: { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' } },
    en: { date: { year: 'numeric', month: 'short', day: 'numeric' }, dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } },
  },
})

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  localStorage.setItem(STORAGE_KEY, locale)
}
