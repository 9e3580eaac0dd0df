/**
 * The end of a resident's visit, in the main process: after the page has emptied its own memory,
 * clear everything the window's session holds (storage of every kind, HttpOnly cookies, the HTTP
 * and auth caches), forget what the devices last read, then load the welcome screen afresh.
 */
import { HOME_URL } from '../security/origin'

export interface SessionLike {
  clearStorageData(): Promise<void>
  clearCache(): Promise<void>
  clearAuthCache(): Promise<void>
}

export interface WipeTarget {
  readonly session: SessionLike
  loadURL(url: string): Promise<void>
  /** Device state that could still hold the resident (scanner buffer, speech in progress). */
  resetDevices(): void
}

export interface Wiper {
  /** Resolves when the welcome screen is loading on a clean session. Concurrent calls share one wipe. */
  wipe(): Promise<void>
}

export function createWiper(target: () => WipeTarget | null, log: (message: string) => void): Wiper {
  let running: Promise<void> | null = null
  const run = async () => {
    const current = target()
    if (!current) return
    current.resetDevices()
    await current.session.clearStorageData()
    await current.session.clearCache()
    await current.session.clearAuthCache()
    await current.loadURL(HOME_URL)
  }
  return {
    wipe() {
      if (!running) {
        running = run()
          .catch((error: unknown) => {
            log(`wipe failed: ${String(error)}`)
            throw error
          })
          .finally(() => {
            running = null
          })
      }
      return running
    },
  }
}
