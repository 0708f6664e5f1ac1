import { ref, watch } from 'vue'
import { api, call } from '@/api/client'
import { useAuth } from '@/auth/useAuth'

/**
 * The unread count on the tab bar badge; refreshed on sign-in, when the resident comes back to the app, and
 * whenever the inbox changes it.
 */
const unread = ref(0)
const auth = useAuth()

export async function refreshUnread(): Promise<void> {
  if (!auth.authenticated.value) {
    unread.value = 0
    return
  }
  try {
    const page = await call(api().notification.GET('/api/notifications/me', { params: { query: { page: 0, size: 1 } } }))
    unread.value = Number(page.unread ?? 0)
  } catch {
    // The badge is a convenience: a failed refresh keeps the last count.
  }
}

/** The inbox already knows the count from its own pages: no need to ask again. */
export function setUnread(count: number): void {
  unread.value = Math.max(0, count)
}

watch(auth.authenticated, () => void refreshUnread())

if (typeof document !== 'undefined') {
  // New messages arrive while the phone is in a pocket: count them when the resident returns.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && auth.authenticated.value) void refreshUnread()
  })
}

export function useUnread() {
  return { unread, refreshUnread, setUnread }
}
