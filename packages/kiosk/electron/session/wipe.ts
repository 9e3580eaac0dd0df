/**
 * The end of a resident's visit, in the main process: after the page has emptied its own memory,
 * clear everything the window's session holds (storage of every kind, HttpOnly cookies, the HTTP
 * and auth caches), forget what the devices last read, then load the welcome screen afresh (unless a
 * helper stays signed in after 结束代办: then the page, already wiped by itself, is kept).
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
  /**
   * Resolves when the session is clean and, unless `reload` is false, the welcome screen is loading
   * afresh. Overlapping calls share one wipe; a call that needs the reload a running one skips
   * waits for it, then wipes again with the reload.
   */
  wipe(options?: { reload?: boolean }): Promise<void>
}

export function createWiper(target: () => WipeTarget | null, log: (message: string) => void): Wiper {
  let running: { promise: Promise<void>; reload: boolean } | null = null
  const run = async (reload: boolean) => {
    const current = target()
    if (!current) return
    current.resetDevices()
    await current.session.clearStorageData()
    await current.session.clearCache()
    await current.session.clearAuthCache()
    if (reload) await current.loadURL(HOME_URL)
  }
  return {
    wipe(options = {}) {
      const reload = options.reload ?? true
      if (running && (running.reload || !reload)) return running.promise
      const before = running?.promise.catch(() => undefined) ?? Promise.resolve()
      const promise: Promise<void> = before
        .then(() => run(reload))
        .catch((error: unknown) => {
          log(`wipe failed: ${String(error)}`)
          throw error
        })
        .finally(() => {
          if (running?.promise === promise) running = null
        })
      running = { promise, reload }
      return promise
    },
  }
}
