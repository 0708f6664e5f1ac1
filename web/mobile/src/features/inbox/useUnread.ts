import { ref, watch } from 'vue'
import { api, call } from '@/api/client'
import { useAuth } from '@/auth/useAuth'

/** The unread count on the tab bar badge; refreshed on sign-in and whenever the inbox changes it. */
const unread = ref(0)
const auth = useAuth()

export async function refreshUnread(): Promise<void> {
  if (!auth.authenticated.value) {
    unread.value = 0
    return
  }
  try {
    const page = await call(api().notification.GET('/api/notifications/me', { params: { query: { page: 0, size: 1 } } }))
    unread.value = Number((page as { unread?: number }).unread ?? 0)
  } catch {
    // The badge is a convenience: a failed refresh keeps the last count.
  }
}

watch(auth.authenticated, () => void refreshUnread())

export function useUnread() {
  return { unread, refreshUnread }
}
