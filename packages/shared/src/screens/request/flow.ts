/**
 * The 反映问题 flow without React: category → what is wrong → where and how to call back →
 * confirm → sent. Each step's 下一步 only moves on when what it asks for is valid, so a request
 * reaching the confirm step is one the service accepts.
 */
import { CreateServiceRequest, type RequestCategory, type ServiceRequest } from '@bangban/core/api/requests'
import { normalizeMobile } from '@bangban/core/domain/phone'

/** 适老化: at most four steps per job. */
export const REQUEST_STEPS = 4

/** 1 category · 2 describe · 3 where and phone · 4 confirm · 5 sent (the receipt, not a step). */
export type RequestStep = 1 | 2 | 3 | 4 | 5

/** The service's own limits, so the screen never lets through what it would refuse. */
export const MAX_DESCRIPTION = CreateServiceRequest.shape.description.maxLength ?? 1000
export const MAX_ADDRESS = CreateServiceRequest.shape.address.unwrap().maxLength ?? 200
/** The typed part, leaving room for the common phrases within MAX_DESCRIPTION. */
export const MAX_TYPED = 500

export interface RequestState {
  readonly category: RequestCategory | null
  /** Common phrases of the category, in the order they were picked. */
  readonly phrases: readonly string[]
  readonly typed: string
  readonly described: boolean
  readonly gridId: string | null
  readonly address: string
  readonly phone: string
  /** 用上次留的电话: the number of an earlier request of this resident, shown masked, instead of typing. */
  readonly reuse: EarlierContact | null
  readonly located: boolean
  readonly result: ServiceRequest | null
}

/** The number a resident left with an earlier request, as the service shows it to them (masked). */
export interface EarlierContact {
  readonly requestId: string
  readonly maskedPhone: string
}

/** The latest of the resident's requests that left a number to call back on, if any. */
export function earlierContactOf(requests: readonly ServiceRequest[] | null): EarlierContact | null {
  const latest = [...(requests ?? [])]
    .filter((r) => r.maskedContactPhone)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
  return latest?.maskedContactPhone ? { requestId: latest.id, maskedPhone: latest.maskedContactPhone } : null
}

export type RequestAction =
  | { readonly type: 'chooseCategory'; readonly category: RequestCategory }
  | { readonly type: 'togglePhrase'; readonly phrase: string }
  | { readonly type: 'type'; readonly text: string }
  /** 下一步 after describing; `contact` (上次留的电话) is then offered already ticked on the next step. */
  | { readonly type: 'described'; readonly contact?: EarlierContact | null }
  | { readonly type: 'chooseGrid'; readonly gridId: string }
  | { readonly type: 'typeAddress'; readonly text: string }
  | { readonly type: 'typePhone'; readonly phone: string }
  | { readonly type: 'reusePhone'; readonly contact: EarlierContact }
  | { readonly type: 'located' }
  | { readonly type: 'submitted'; readonly request: ServiceRequest }
  | { readonly type: 'back' }

export const initialRequestState: RequestState = {
  category: null,
  phrases: [],
  typed: '',
  described: false,
  gridId: null,
  address: '',
  phone: '',
  reuse: null,
  located: false,
  result: null,
}

export function requestReducer(state: RequestState, action: RequestAction): RequestState {
  const step = stepOf(state)
  switch (action.type) {
    case 'chooseCategory':
      return step === 1 ? { ...state, category: action.category, phrases: [] } : state
    case 'togglePhrase':
      if (step !== 2) return state
      return {
        ...state,
        phrases: state.phrases.includes(action.phrase)
          ? state.phrases.filter((p) => p !== action.phrase)
          : [...state.phrases, action.phrase],
      }
    case 'type':
      return step === 2 ? { ...state, typed: action.text } : state
    case 'described':
      if (step !== 2 || !canContinue(state)) return state
      return {
        ...state,
        described: true,
        ...(action.contact && !state.phone && !state.reuse ? { reuse: action.contact } : {}),
      }
    case 'chooseGrid':
      return step === 3 ? { ...state, gridId: action.gridId } : state
    case 'typeAddress':
      return step === 3 ? { ...state, address: action.text } : state
    case 'typePhone':
      // Keying a number is choosing it: the earlier one is let go.
      return step === 3 ? { ...state, phone: action.phone, reuse: null } : state
    case 'reusePhone':
      if (step !== 3) return state
      // A second press lets it go again (a tick box).
      return state.reuse?.requestId === action.contact.requestId
        ? { ...state, reuse: null }
        : { ...state, reuse: action.contact, phone: '' }
    case 'located':
      return step === 3 && canContinue(state) ? { ...state, located: true } : state
    case 'submitted':
      return step === 4 ? { ...state, result: action.request } : state
    case 'back':
      switch (step) {
        case 4:
          return { ...state, located: false }
        case 3:
          return { ...state, described: false }
        case 2:
          // The phrases belong to the category: another category must not send them along unseen.
          return { ...state, category: null, phrases: [] }
        default:
          return state
      }
  }
}

export function stepOf(state: RequestState): RequestStep {
  if (state.result) return 5
  if (!state.category) return 1
  if (!state.described) return 2
  if (!state.located) return 3
  return 4
}

/** 返回 on the first step leaves the page. */
export function exitsOnBack(state: RequestState): boolean {
  return stepOf(state) === 1
}

/** The picked phrases and the typed words, as the grid worker reads them: 灯不亮，3号楼东侧 (full-width in Chinese). */
export function descriptionOf(state: Pick<RequestState, 'phrases' | 'typed'>): string {
  const parts = [...state.phrases, state.typed.trim()].filter(Boolean)
  // i18n-exempt: punctuation between the resident's own words, chosen by their script
  return parts.join(parts.some((p) => /[\u3400-\u9fff]/.test(p)) ? '\uff0c' : ', ')
}

export function descriptionProblem(description: string): 'empty' | 'tooLong' | null {
  const text = description.trim()
  if (!text) return 'empty'
  return text.length > MAX_DESCRIPTION ? 'tooLong' : null
}

/** Somewhere to go: a grid, or an address typed (within the service's limit). */
export function placeProblem(gridId: string | null, address: string): 'missing' | 'tooLong' | null {
  const text = address.trim()
  if (text.length > MAX_ADDRESS) return 'tooLong'
  return gridId || text ? null : 'missing'
}

/** A mainland mobile number to call back on (the keypad takes digits only). */
export function phoneProblem(phone: string): 'empty' | 'invalid' | null {
  if (!phone.trim()) return 'empty'
  return normalizeMobile(phone) ? null : 'invalid'
}

/** Whether 下一步 (or 提交) of the current step can be pressed. */
export function canContinue(state: RequestState): boolean {
  switch (stepOf(state)) {
    case 1:
      return false
    case 2:
      return descriptionProblem(descriptionOf(state)) === null
    case 3:
      return (
        placeProblem(state.gridId, state.address) === null &&
        (state.reuse !== null || phoneProblem(state.phone) === null)
      )
    case 4:
      return submissionOf(state) !== null
    case 5:
      return false
  }
}

/** The body of createServiceRequest, once every step is done and valid. */
export function submissionOf(state: RequestState): CreateServiceRequest | null {
  const phone = normalizeMobile(state.phone)
  const description = descriptionOf(state)
  const address = state.address.trim()
  if (!state.category || !state.described || !state.located || !(phone || state.reuse)) return null
  if (descriptionProblem(description) || placeProblem(state.gridId, state.address)) return null
  return {
    categoryId: state.category.id,
    description,
    ...(state.reuse ? { contactFrom: state.reuse.requestId } : { contactPhone: phone! }),
    ...(state.gridId ? { gridId: state.gridId } : {}),
    ...(address ? { address } : {}),
  }
}

/** Where, as shown and read back: the grid's name and the address. */
export function placeText(state: Pick<RequestState, 'address'>, gridName: string): string {
  return [gridName, state.address.trim()].filter(Boolean).join(' ')
}

const TITLES = [
  'request.stepCategory',
  'request.stepDescribe',
  'request.stepWhere',
  'request.stepConfirm',
  'request.success',
] as const

export function titleKeyOf(state: RequestState): string {
  return TITLES[stepOf(state) - 1]!
}

const PROMPTS = [
  'voice.request.category',
  'voice.request.describe',
  'voice.request.where',
  'voice.request.confirm',
  'voice.request.success',
] as const

/** The spoken prompt; its values are category, description, place, phone, requestNo, assignee. */
export function promptKeyOf(state: RequestState): string {
  return PROMPTS[stepOf(state) - 1]!
}
