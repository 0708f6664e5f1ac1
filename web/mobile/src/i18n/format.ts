import { localeFormat } from '@shared/i18n/format'
import { currentLocale } from './index'

export const { formatNumber, formatDate, formatDateTime, formatTime } = localeFormat(currentLocale)
