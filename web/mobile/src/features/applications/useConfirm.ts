import { showConfirmDialog } from 'vant'
import { useI18n } from 'vue-i18n'

/** A yes/no question before a step that cannot be undone (放弃, 撤回); true when the resident confirms. */
export function useConfirm() {
  const { t } = useI18n()
  return async (kind: 'confirmDecline' | 'confirmWithdraw', confirmText: string): Promise<boolean> => {
    try {
      await showConfirmDialog({
        title: t(`applications.${kind}.title`),
        message: t(`applications.${kind}.message`),
        confirmButtonText: confirmText,
        cancelButtonText: t('applications.keep'),
        confirmButtonColor: 'var(--van-danger-color)',
      })
      return true
    } catch {
      return false
    }
  }
}
