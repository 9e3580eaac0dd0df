/**
 * The state of one resident's visit: language, text size, speech settings and the session. It
 * lives in memory only, so ending the visit (reset) leaves nothing behind for the next person.
 */
import type { ConsentScope } from '@bangban/core/api/consents'
import type { ResidentSummary } from '@bangban/core/api/identity'
import type { QueueTicket } from '@bangban/core/api/queue'
import type { StaffSummary } from '@bangban/core/api/staff'
import { DEFAULT_LANGUAGE, type Language } from '@bangban/core/i18n'
import type { TextSize } from '@bangban/core/theme/tokens'
import { visitSpeech, type SpeechSettings } from '../voice/settings'

export interface SessionState {
  readonly token: string
  readonly expiresAt: string
  readonly resident: ResidentSummary
}

/** A helper signed in at the kiosk (staff mode). Memory only, like everything here. */
export interface StaffState {
  readonly token: string
  readonly expiresAt: string
  readonly staff: StaffSummary
  /** The language the helper works in, kept when a resident's visit is wiped. */
  readonly language: Language
}

/**
 * The helper acting for a resident under a consent grant. While set, `session` holds the
 * delegated token (subject the resident, actor the helper), so the resident screens work unchanged.
 */
export interface DelegationState {
  readonly consentId: string
  readonly resident: ResidentSummary
  readonly expiresAt: string
  readonly scopes: readonly ConsentScope[]
  readonly helperName: string
  readonly staffNo: string
}

/**
 * 为谁办理 (mini-program): a family member acting for a resident under a family grant. While set,
 * `session` holds the family token (subject the resident, actor the family member), so the
 * resident screens work unchanged; `own` is the family member's own session, put back by 切换回自己.
 * Memory only: the family token is never saved on the phone.
 */
export interface FamilyActingState {
  readonly familyGrantId: string
  readonly resident: ResidentSummary
  readonly scopes: readonly ConsentScope[]
  readonly own: SessionState
}

/** Why the last delegation ended, shown once on the helper console. */
export type DelegationEnd = 'ended' | 'expired' | 'revoked'

/**
 * The visit's number for the counter (取号): taken at most once a visit, wiped with it. `taking`
 * holds the place while the service answers, so a second press does not take a second number.
 */
export type QueueState =
  { readonly status: 'taking' } | { readonly status: 'taken'; readonly ticket: QueueTicket }

export interface AppState {
  readonly language: Language
  readonly textSize: TextSize
  readonly speech: SpeechSettings
  readonly session: SessionState | null
  /** Kiosk staff mode: the signed-in helper. */
  readonly staff: StaffState | null
  /** Kiosk staff mode: acting for a resident. */
  readonly delegation: DelegationState | null
  readonly delegationEnded: DelegationEnd | null
  /** Mini-program: acting for a family member. */
  readonly family: FamilyActingState | null
  /** Mini-program: acting for a family member ended by the service (taken back or lapsed), shown once. */
  readonly familyEnded: boolean
  readonly queue: QueueState | null
  /** A job of this visit is done (a success screen was shown): the idle warning comes sooner. */
  readonly visitDone: boolean
  /** The visit was just ended on purpose: the welcome screen says goodbye (it holds nothing else). */
  readonly farewell: boolean
}

export const initialAppState: AppState = {
  language: DEFAULT_LANGUAGE,
  textSize: 'large',
  speech: visitSpeech(),
  session: null,
  staff: null,
  delegation: null,
  delegationEnded: null,
  family: null,
  familyEnded: false,
  queue: null,
  visitDone: false,
  farewell: false,
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
    /** A new visit: everything back to the start, the voice to the kiosk's defaults. */
    reset() {
      state = { ...initialAppState, speech: visitSpeech() }
      listeners.forEach((listener) => listener())
    },
  }
}

export type AppStore = ReturnType<typeof createAppStore>

/** One store per app: pages of a Taro app share one JavaScript context. */
export const appStore = createAppStore()
