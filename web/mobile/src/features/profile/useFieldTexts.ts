import { useI18n } from 'vue-i18n'
import { useVocabulary, type AnswerValue } from '@/features/vocabulary/useVocabulary'
import { isAnswered, type FieldDef, type ProfilePath } from './profileFields'

/** How a question is labelled, explained and answered in words, in the reader's language. */
export function useFieldTexts() {
  const { t, te } = useI18n()
  const vocabulary = useVocabulary()

  const optional = (key: string) => (te(key) ? t(key) : undefined)

  return {
    label: (path: ProfilePath) => t(`profile.fields.${path}`),
    hint: (path: ProfilePath) => optional(`profile.hints.${path}`),
    unit: (path: ProfilePath) => optional(`profile.units.${path}`),
    answerText(field: FieldDef, value: AnswerValue): string {
      if (!isAnswered(value)) return t('notGiven')
      if (field.choices) return t(`profile.choices.${field.path}.${String(value)}`)
      if (field.fact) return vocabulary.valueLabel(field.fact, value)
      return String(value)
    },
  }
}
