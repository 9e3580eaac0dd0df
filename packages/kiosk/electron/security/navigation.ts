/**
 * Navigation policy: the window stays on app://kiosk. Links, redirects, drops and window.open
 * to anywhere else are refused; nothing is handed to the system browser either.
 */
import { isAppUrl } from './origin'

export function mayNavigate(url: string): boolean {
  return isAppUrl(url)
}

/** For `setWindowOpenHandler`: a kiosk never opens a second window. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' }
}
