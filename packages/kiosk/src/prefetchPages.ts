/**
 * Every screen's code is its own chunk, so the welcome screen loads little. Once it is up and the
 * kiosk has nothing else to do, the other screens' code is loaded and run too: a resident's tap
 * then only renders the next screen instead of first fetching and evaluating it.
 */
import { shanghaiDate } from '@bangban/core/domain/time'

interface TaroRoute {
  readonly path: string
  load(): unknown
}

declare global {
  interface Window {
    __taroAppConfig?: { routes?: readonly TaroRoute[] }
  }
}

/** After the welcome screen has had this long to itself (it is what the resident sees first). */
const AFTER_MS = 2000

export function prefetchPages(): () => void {
  let idleHandle: number | null = null
  const run = () => {
    for (const route of window.__taroAppConfig?.routes ?? []) {
      // Taro's loader answers [import promise, context, params]; a failed fetch is tried again on tap.
      const loaded = route.load()
      const pending = Array.isArray(loaded) ? loaded[0] : loaded
      void Promise.resolve(pending).catch(() => undefined)
    }
    // The first Shanghai date a page asks for loads the browser's time zone data: ≈100 ms with the
    // CPU throttled 4×, paid by the first tap (预约挂号 shows today). Pay it here, while idle.
    shanghaiDate()
  }
  const timer = setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function')
      idleHandle = window.requestIdleCallback(run, { timeout: 3000 })
    else run()
  }, AFTER_MS)
  return () => {
    clearTimeout(timer)
    if (idleHandle !== null) window.cancelIdleCallback(idleHandle)
  }
}
