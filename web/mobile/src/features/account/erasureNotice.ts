/**
 * After an erasure the resident is signed out through Keycloak, which reloads the app on the home screen; this
 * one-shot flag in the tab's session storage lets the home screen confirm that the data is gone.
 */
const KEY = 'qj.erased'

export function rememberErasure(storage: Storage = sessionStorage): void {
  storage.setItem(KEY, '1')
}

/** True once after an erasure; the flag is consumed. */
export function takeErasureNotice(storage: Storage = sessionStorage): boolean {
  const erased = storage.getItem(KEY) === '1'
  storage.removeItem(KEY)
  return erased
}
