/**
 * The kiosk's call display (叫号): polls the queue while the page is visible, puts each new call
 * on the board every screen shows, and says it once. Not in the mini-program: there is no counter
 * at home to walk to.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react'
import { createApiClient, type ApiClient } from '@bangban/core/api/client'
import type { QueueCall } from '@bangban/core/api/queue'
import { useT } from '../i18n/useT'
import type { Platform } from '../platform/Platform'
import { usePlatform } from '../platform/PlatformContext'
import { appStore } from '../state/appStore'
import { sayWith } from '../voice/say'
import { dismiss, isOwnCall, type CallBoard } from './callBoard'
import { createBoardStore, createCallWatcher, POLL_MS, type CallWatcher } from './callWatcher'

/** One board per app: every stacked page shows the same calls. */
export const callBoardStore = createBoardStore()

/**
 * The queue's calls need no one's token: the kiosk key (for 取号) and the language only, so a
 * number is never tied to the resident signed in.
 */
export function queueApi(platform: Platform): ApiClient {
  return createApiClient({
    baseUrl: platform.apiBaseUrl,
    transport: platform.transport,
    getHeaders: () => ({ ...platform.extraHeaders, 'accept-language': appStore.get().language }),
  })
}

export function useCallBoard(): CallBoard {
  return useSyncExternalStore(callBoardStore.subscribe, callBoardStore.get, callBoardStore.get)
}

export function dismissCalls(): void {
  callBoardStore.set(dismiss(callBoardStore.get()))
}

let activeWatcher: CallWatcher | null = null

/** After 叫下一位 here: show and say the call (and the new count) now, not at the next poll. */
export function pollQueueNow(): void {
  activeWatcher?.pollNow()
}

/** Mount once, at the kiosk app's root (never in a page: pages stack, and each would speak). */
export function useQueueCallWatcher(intervalMs: number = POLL_MS): void {
  const platform = usePlatform()
  const t = useT()
  // The latest language and voice settings, without restarting the poll when they change. Said
  // straight to the speaker: a screen's voice stops when its screen goes, the call display does not.
  const announce = useRef<(calls: readonly QueueCall[]) => void>(() => undefined)
  // The window number goes in as `count`: the clip coverage test fills spoken templates with the
  // value names the screens use, and a number read as a cardinal is what a window number needs.
  announce.current = (calls) => {
    const { language, speech, queue } = appStore.get()
    const own = queue?.status === 'taken' ? queue.ticket.ticketNo : null
    const text = calls.map((c) =>
      t(isOwnCall(c, own) ? 'voice.queue.yourTurn' : 'voice.queue.called', {
        ticket: c.ticketNo,
        count: c.windowNo,
      }),
    )
    sayWith(platform.speaker, text.join(' '), language, speech)
  }

  useEffect(() => {
    if (platform.kind !== 'kiosk' || typeof document === 'undefined') return undefined
    const api = queueApi(platform)
    const watcher = createCallWatcher({
      fetchStatus: () => api.call('queueStatus'),
      store: callBoardStore,
      onNews: (calls) => announce.current(calls),
      intervalMs,
    })
    activeWatcher = watcher
    const follow = () => (document.visibilityState === 'hidden' ? watcher.stop() : watcher.start())
    follow()
    document.addEventListener('visibilitychange', follow)
    return () => {
      document.removeEventListener('visibilitychange', follow)
      watcher.stop()
      if (activeWatcher === watcher) activeWatcher = null
    }
  }, [platform, intervalMs])
}
