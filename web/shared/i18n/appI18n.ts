import { createI18n } from 'vue-i18n'

/**
 * vue-i18n with zh-CN as the default and en by the app's switch, the choice kept on the device. Each feature keeps
 * its texts in `features/<feature>/messages.ts` ({ 'zh-CN': {...}, en: {...} } under its own key); they are merged
 * over the app's common texts.
 */
export type Locale = 'zh-CN' | 'en'
export const LOCALES: Locale[] = ['zh-CN', 'en']
export type Tree = { [key: string]: string | Tree }
export type Bundle = Record<Locale, Tree>

export function mergeBundles(common: Bundle, features: Bundle[]): Bundle {
  const merged: Bundle = { 'zh-CN': { ...common['zh-CN'] }, en: { ...common.en } }
  for (const bundle of features) {
    for (const locale of LOCALES) Object.assign(merged[locale], bundle[locale])
  }
  return merged
}

export function appI18n(messages: Bundle, storageKey: string) {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey)
  const i18n = createI18n({
    legacy: false,
    locale: stored === 'en' ? 'en' : 'zh-CN',
    fallbackLocale: 'zh-CN',
    messages,
    missingWarn: false,
    fallbackWarn: false,
  })
  return {
    i18n,
    currentLocale: (): Locale => i18n.global.locale.value as Locale,
    setLocale(locale: Locale): void {
      i18n.global.locale.value = locale
      document.documentElement.lang = locale
      localStorage.setItem(storageKey, locale)
    },
  }
}
