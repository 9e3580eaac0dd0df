/**
 * 帮办台 without React: the helper chooses the jobs, asks for consent, waits for the resident's
 * answer on their phone or here (ID card, then the code), and what each answer leads to. The
 * screen keeps the side effects (calls to the service, the card reader, the voice); this keeps
 * what the helper and the resident see, so no two pieces of it can disagree.
 */
import type { ConsentScope, ConsentStatus, CreatedConsent } from '@bangban/core/api/consents'
import type { ApiError } from '@bangban/core/api/errors'
import { ALL_SCOPES } from './logic'

/** choose jobs → wait for the answer → (here) the card → the code. */
export type ConsolePhase = 'choose' | 'waiting' | 'card' | 'code'

/** Why the console is back at the start, told to the helper. */
export type ConsoleOutcome = 'denied' | 'lapsed' | 'cancelled'

/** The resident who put their card on the reader to answer here: their short session. */
export interface AnsweringResident {
  readonly token: string
  readonly maskedName: string
}

export interface ConsoleState {
  readonly scopes: readonly ConsentScope[]
  readonly consent: CreatedConsent | null
  readonly status: ConsentStatus | null
  /** The QR code of the consent as an image, where the platform draws one. */
  readonly qr: string | null
  readonly phase: ConsolePhase
  readonly resident: AnsweringResident | null
  readonly code: string
  readonly busy: boolean
  readonly error: ApiError | null
  readonly outcome: ConsoleOutcome | null
}

export type ConsoleAction =
  | { readonly type: 'toggleScope'; readonly scope: ConsentScope }
  | { readonly type: 'working' }
  | { readonly type: 'created'; readonly consent: CreatedConsent }
  | { readonly type: 'qrDrawn'; readonly qr: string }
  | { readonly type: 'failed'; readonly error: ApiError }
  | { readonly type: 'statusSeen'; readonly status: ConsentStatus }
  | { readonly type: 'answerHere' }
  | { readonly type: 'cardRead'; readonly resident: AnsweringResident }
  | { readonly type: 'typed'; readonly code: string }
  /** From the card or the code back to waiting: the resident's short session is dropped. */
  | { readonly type: 'back' }
  | { readonly type: 'answered'; readonly status: ConsentStatus }
  | { readonly type: 'reset'; readonly outcome: ConsoleOutcome | null }
  | { readonly type: 'idle' }

export const CONSENT_CODE_LENGTH = 6

export const initialConsoleState: ConsoleState = {
  scopes: [...ALL_SCOPES],
  consent: null,
  status: null,
  qr: null,
  phase: 'choose',
  resident: null,
  code: '',
  busy: false,
  error: null,
  outcome: null,
}

export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'toggleScope': {
      if (state.phase !== 'choose') return state
      const on = state.scopes.includes(action.scope)
      // Kept in the order of ALL_SCOPES, so the sentence read to the resident is always the same.
      const scopes = ALL_SCOPES.filter((s) => (s === action.scope ? !on : state.scopes.includes(s)))
      return { ...state, scopes }
    }
    case 'working':
      return { ...state, busy: true, error: null, outcome: null }
    case 'created':
      return {
        ...state,
        consent: action.consent,
        status: action.consent.status,
        phase: 'waiting',
        busy: false,
        outcome: null,
      }
    case 'qrDrawn':
      return state.consent ? { ...state, qr: action.qr } : state
    case 'failed':
      // A wrong code is cleared so the next try starts empty.
      return { ...state, busy: false, error: action.error, code: state.phase === 'code' ? '' : state.code }
    case 'statusSeen':
      return state.consent ? { ...state, status: action.status } : state
    case 'answerHere':
      return state.phase === 'waiting' ? { ...state, phase: 'card', error: null } : state
    case 'cardRead':
      return state.phase === 'card'
        ? { ...state, resident: action.resident, phase: 'code', busy: false, error: null }
        : state
    case 'typed':
      return state.phase === 'code'
        ? { ...state, code: action.code.replace(/\D/g, '').slice(0, CONSENT_CODE_LENGTH) }
        : state
    case 'back':
      return state.phase === 'card' || state.phase === 'code'
        ? { ...state, phase: 'waiting', resident: null, code: '', error: null }
        : state
    case 'answered':
      return { ...state, resident: null, code: '', status: action.status, busy: false }
    case 'reset':
      return { ...initialConsoleState, scopes: state.scopes, outcome: action.outcome }
    case 'idle':
      return { ...state, busy: false }
  }
}

/** What the resident's answer leads to: the helper's token, or back to the start saying why. */
export function nextOnStatus(status: ConsentStatus | null): 'finish' | ConsoleOutcome | null {
  switch (status) {
    case 'approved':
      return 'finish'
    case 'denied':
      return 'denied'
    case 'revoked':
      return 'cancelled'
    case 'expired':
      return 'lapsed'
    default:
      return null
  }
}

/** 同意 needs the whole code; 不同意 before typing anything withdraws the request instead. */
export function canAgree(state: ConsoleState): boolean {
  return !state.busy && state.code.length === CONSENT_CODE_LENGTH
}

export function canStart(state: ConsoleState): boolean {
  return !state.busy && state.scopes.length > 0
}

/** The console asks the service for news only while the answer is awaited. */
export function isAwaitingAnswer(state: ConsoleState): boolean {
  return state.consent !== null && state.status === 'pending'
}
