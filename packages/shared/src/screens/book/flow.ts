/**
 * The 预约挂号 flow without React: what the resident has chosen, which of the four steps that puts
 * them on, what 返回 undoes, and what is carried through sign-in. The step is derived from the
 * choices (never stored), so it cannot disagree with them.
 */
import type { Appointment, Slot } from '@bangban/core/api/booking'
import type { ErrorCode } from '@bangban/core/api/errors'

/** 适老化: at most four steps per job. */
export const BOOK_STEPS = 4

/** 1 service · 2 day · 3 time · 4 confirm · 5 booked (the receipt, not a step). */
export type BookStep = 1 | 2 | 3 | 4 | 5

export interface BookState {
  readonly serviceId: string | null
  readonly date: string | null
  readonly slot: Slot | null
  /** A slot carried through sign-in by its id, until the day's slots load and name it. */
  readonly carriedSlotId: string | null
  /** Changing this booking (改约) rather than making a new one. */
  readonly rescheduleId: string | null
  readonly result: Appointment | null
}

export type BookAction =
  | { readonly type: 'chooseService'; readonly serviceId: string }
  | { readonly type: 'chooseDate'; readonly date: string }
  | { readonly type: 'chooseSlot'; readonly slot: Slot }
  /** The slots of the chosen day arrived: a carried slot id becomes its slot (or is given up). */
  | { readonly type: 'slotsLoaded'; readonly slots: readonly Slot[] }
  | { readonly type: 'back' }
  | { readonly type: 'booked'; readonly appointment: Appointment }
  | { readonly type: 'failed'; readonly code: ErrorCode }

const SLOT_GONE: readonly ErrorCode[] = ['SLOT_FULL', 'SLOT_NOT_BOOKABLE']

/** The time cannot be had any more (taken, or begun): the resident picks another of that day. */
export function isSlotGone(code: ErrorCode): boolean {
  return SLOT_GONE.includes(code)
}

/**
 * The state a page opens with: from 首页 nothing; from 改约 the service and the booking; back
 * from sign-in everything chosen so far. A later choice without the earlier one is dropped.
 */
export function initialBookState(params: Readonly<Record<string, string | undefined>>): BookState {
  const serviceId = params.serviceId || null
  const date = (serviceId && params.date) || null
  return {
    serviceId,
    date,
    slot: null,
    carriedSlotId: (date && params.slotId) || null,
    rescheduleId: params.reschedule || null,
    result: null,
  }
}

export function bookReducer(state: BookState, action: BookAction): BookState {
  // Once booked, the receipt stays: nothing changes the choices behind it.
  if (state.result) return state
  switch (action.type) {
    case 'chooseService':
      return { ...state, serviceId: action.serviceId, date: null, slot: null, carriedSlotId: null }
    case 'chooseDate':
      if (!state.serviceId) return state
      return { ...state, date: action.date, slot: null, carriedSlotId: null }
    case 'chooseSlot':
      if (!state.date || action.slot.serviceId !== state.serviceId) return state
      return { ...state, slot: action.slot, carriedSlotId: null }
    case 'slotsLoaded': {
      if (!state.carriedSlotId || state.slot) return state
      const slot = action.slots.find((s) => s.id === state.carriedSlotId && s.serviceId === state.serviceId)
      return { ...state, slot: slot ?? null, carriedSlotId: null }
    }
    case 'back':
      switch (stepOf(state)) {
        case 4:
          return { ...state, slot: null, carriedSlotId: null }
        case 3:
          return { ...state, date: null, carriedSlotId: null }
        case 2:
          return exitsOnBack(state) ? state : { ...state, serviceId: null, date: null, carriedSlotId: null }
        default:
          return state
      }
    case 'booked':
      return stepOf(state) === 4 ? { ...state, result: action.appointment } : state
    case 'failed':
      return isSlotGone(action.code) ? { ...state, slot: null, carriedSlotId: null } : state
  }
}

export function stepOf(state: BookState): BookStep {
  if (state.result) return 5
  if (!state.serviceId) return 1
  if (!state.date) return 2
  if (!state.slot) return 3
  return 4
}

/**
 * 返回 leaves the page on the first step, and on the day when changing a booking (the service is
 * the booking's own: 我的记录 is where the resident came from).
 */
export function exitsOnBack(state: BookState): boolean {
  const step = stepOf(state)
  return step === 1 || (step === 2 && state.rescheduleId !== null)
}

/** The page parameters of sign-in, so the booking continues at the confirm step afterwards. */
export function signInParams(state: BookState): Record<string, string> | null {
  if (stepOf(state) !== 4 || !state.serviceId || !state.date || !state.slot) return null
  return {
    next: 'book',
    serviceId: state.serviceId,
    date: state.date,
    slotId: state.slot.id,
    ...(state.rescheduleId ? { reschedule: state.rescheduleId } : {}),
  }
}

const TITLES = ['book.stepService', 'book.stepDay', 'book.stepTime', 'book.stepConfirm'] as const

export function titleKeyOf(state: BookState): string {
  const step = stepOf(state)
  if (step === 5) return state.rescheduleId ? 'book.rescheduled' : 'book.success'
  return TITLES[step - 1]!
}

const PROMPTS = [
  'voice.book.service',
  'voice.book.day',
  'voice.book.time',
  'voice.book.confirm',
  'voice.book.success',
] as const

/**
 * The spoken prompt of the step; its values are place, service, day, time and ticket. Before sign-in
 * the confirm step names the button as it reads then (确认身份后预约).
 */
export function promptKeyOf(state: BookState, signedIn = true): string {
  const step = stepOf(state)
  if (step === 4 && !signedIn) return 'voice.book.confirmSignIn'
  return PROMPTS[step - 1]!
}

/** The primary button of the confirm step: sign in first, book, or change the booking. */
export function confirmLabelKey(state: BookState, signedIn: boolean): string {
  if (!signedIn) return 'book.signInToConfirm'
  return state.rescheduleId ? 'book.confirmChange' : 'book.confirm'
}
