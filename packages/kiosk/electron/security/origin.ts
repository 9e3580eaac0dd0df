/** The one origin the kiosk's pages come from: our own `app://` scheme, never file:// or the web. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'kiosk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The welcome screen (Taro's hash router starts there). */
export const HOME_URL = `${APP_ORIGIN}/index.html`
/** The staff screen shown when the configuration file is wrong. */
export const CONFIG_ERROR_URL = `${APP_ORIGIN}/__shell/config-error.html`
/** Calls the page makes to the service; the protocol handler forwards them to the configured URL. */
export const API_PREFIX = '/api/'

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}
