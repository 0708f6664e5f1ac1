import { ref, watch } from 'vue'

/**
 * Display choices kept on the device (not personal data): large text for older readers (适老化). The language is
 * kept by i18n.
 */
const STORAGE_KEY = 'qj.largeText'
const largeText = ref(typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY) === '1')

watch(largeText, (on) => {
  localStorage.setItem(STORAGE_KEY, on ? '1' : '0')
  applyLargeText(on)
})

export function applyLargeText(on: boolean = largeText.value): void {
  document.documentElement.classList.toggle('large-text', on)
}

export function useDisplayPreferences() {
  return { largeText }
}
