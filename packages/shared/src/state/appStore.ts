/**
 * The state of one resident's visit: language, text size, speech settings and the session. It
 * lives in memory only, so ending the visit (reset) leaves nothing behind for the next person.
 */
import type { ResidentSummary } from '../api/identity'
import { DEFAULT_LANGUAGE, type Language } from '../i18n'
import type { TextSize } from '../theme/tokens'

export interface SessionState {
  readonly token: string
  readonly expiresAt: string
  readonly resident: ResidentSummary
}

export interface SpeechSettings {
  readonly muted: boolean
  readonly slow: boolean
  readonly volume: number
}

export interface AppState {
  readonly language: Language
  readonly textSize: TextSize
  readonly speech: SpeechSettings
  readonly session: SessionState | null
}

export const initialAppState: AppState = {
  language: DEFAULT_LANGUAGE,
  textSize: 'large',
  speech: { muted: false, slow: false, volume: 1 },
  session: null,
}

type Listener = () => void

export function createAppStore(initial: AppState = initialAppState) {
  let state = initial
  const listeners = new Set<Listener>()
  return {
    get: () => state,
    subscribe(listener: Listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    update(change: Partial<AppState> | ((current: AppState) => Partial<AppState>)) {
      const patch = typeof change === 'function' ? change(state) : change
      state = { ...state, ...patch }
      listeners.forEach((listener) => listener())
    },
    reset() {
      state = initialAppState
      listeners.forEach((listener) => listener())
    },
  }
}

export type AppStore = ReturnType<typeof createAppStore>

/** One store per app: pages of a Taro app share one JavaScript context. */
export const appStore = createAppStore()
