import { useI18n } from 'vue-i18n'
import { useVocabulary } from '@/features/vocabulary/useVocabulary'
import { formatDate, formatNumber } from '@/i18n/format'
import { benefitNote, benefitText, type BenefitWords } from './benefitText'
import { todayInQujiang, windowText, type WindowDates } from './window'

/** {@link benefitText} and {@link windowText} bound to the reader's language and the shared vocabulary. */
export function useBenefitWords() {
  const { t } = useI18n()
  const vocabulary = useVocabulary()
  const translate = (key: string, params?: Record<string, unknown>) => t(key, params ?? {})
  return {
    benefit: (words: BenefitWords) => benefitText(words, translate, vocabulary.amountText, formatNumber),
    note: benefitNote,
    window: (dates: WindowDates, today: string = todayInQujiang()) => windowText(dates, today, translate, formatDate),
  }
}
