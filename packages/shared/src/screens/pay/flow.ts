/**
 * The 生活缴费 flow without React: find the bills (an account number, or the resident's own) →
 * choose → wait for the payment → paid. Amounts stay integer fen; they become text at the screen.
 */
import type { Bill } from '@bangban/core/api/bills'
import type { Payment, PaymentMethod } from '@bangban/core/api/payments'
import { sumFen, type Fen } from '@bangban/core/domain/money'

/** Find, choose, pay; 缴费成功 is the receipt, not a step. */
export const PAY_STEPS = 3

/** 1 find · 2 choose · 3 wait for the payment · 4 paid. */
export type PayStep = 1 | 2 | 3 | 4

/** Letters of utility account numbers, by kind (W1000001 is a water account). */
export const ACCOUNT_PREFIX = { water: 'W', electricity: 'E', gas: 'G', property: 'P' } as const
export type AccountKind = keyof typeof ACCOUNT_PREFIX
export const ACCOUNT_KINDS = Object.keys(ACCOUNT_PREFIX) as AccountKind[]
/** The digits after the letter, as printed on the bill. */
export const ACCOUNT_DIGITS = 7

export interface PayState {
  /** The kind of account whose number is being typed on the keypad. */
  readonly kind: AccountKind | null
  readonly digits: string
  readonly bills: readonly Bill[] | null
  readonly chosen: readonly string[]
  readonly payment: Payment | null
  readonly qr: string | null
  /**
   * Which try at paying this is. A retried request keeps it (and so its idempotency key: never
   * charged twice); leaving the wait for a new payment moves it on.
   */
  readonly attempt: number
}

export type PayAction =
  | { readonly type: 'chooseKind'; readonly kind: AccountKind }
  | { readonly type: 'typeDigits'; readonly digits: string }
  | { readonly type: 'billsFound'; readonly bills: readonly Bill[] }
  | { readonly type: 'setChosen'; readonly billIds: readonly string[] }
  | { readonly type: 'paymentCreated'; readonly payment: Payment }
  | { readonly type: 'qrRendered'; readonly paymentId: string; readonly qr: string }
  /** What polling learnt about a payment. */
  | { readonly type: 'paymentUpdated'; readonly payment: Payment }
  | { readonly type: 'back' }

export const initialPayState: PayState = {
  kind: null,
  digits: '',
  bills: null,
  chosen: [],
  payment: null,
  qr: null,
  attempt: 0,
}

export function payReducer(state: PayState, action: PayAction): PayState {
  const step = stepOf(state)
  switch (action.type) {
    case 'chooseKind':
      return step === 1 ? { ...state, kind: action.kind, digits: '' } : state
    case 'typeDigits':
      if (step !== 1 || !state.kind) return state
      return { ...state, digits: action.digits.replace(/\D/g, '').slice(0, ACCOUNT_DIGITS) }
    case 'billsFound':
      // Nothing is ticked: money is never taken by default. The resident chooses each bill.
      return step === 1 ? { ...state, bills: action.bills, chosen: [] } : state
    case 'setChosen':
      return step === 2 ? { ...state, chosen: [...new Set(action.billIds)] } : state
    case 'paymentCreated':
      return step === 2 ? { ...state, payment: action.payment, qr: null } : state
    case 'qrRendered':
      return state.payment?.id === action.paymentId ? { ...state, qr: action.qr } : state
    case 'paymentUpdated':
      // An answer about a payment the resident has already left (返回) must not bring it back.
      if (state.payment?.id !== action.payment.id || state.payment.status !== 'pending') return state
      return action.payment.status === 'pending' ? state : { ...state, payment: action.payment }
    case 'back':
      switch (step) {
        case 3:
          return { ...state, payment: null, qr: null, attempt: state.attempt + 1 }
        case 2:
          return { ...state, bills: null, chosen: [] }
        case 1:
          return state.kind ? { ...state, kind: null, digits: '' } : state
        default:
          return state
      }
  }
}

export function stepOf(state: PayState): PayStep {
  if (state.payment?.status === 'paid') return 4
  if (state.payment) return 3
  if (state.bills) return 2
  return 1
}

/** 返回 on the list of account kinds leaves the page. */
export function exitsOnBack(state: PayState): boolean {
  return stepOf(state) === 1 && state.kind === null
}

export function unpaidBills(state: PayState): Bill[] {
  return (state.bills ?? []).filter((b) => b.status === 'unpaid')
}

/** The ticked bills that can still be paid, in the order they are listed. */
export function chosenBills(state: PayState): Bill[] {
  return unpaidBills(state).filter((b) => state.chosen.includes(b.id))
}

export function totalFen(state: PayState): Fen {
  return sumFen(chosenBills(state).map((b) => b.amountFen))
}

/** The account number to look up: its letter and the typed digits, once all are typed. */
export function accountNo(state: PayState): string | null {
  if (!state.kind || !new RegExp(`^\\d{${ACCOUNT_DIGITS}}$`).test(state.digits)) return null
  return `${ACCOUNT_PREFIX[state.kind]}${state.digits}`
}

export function canPay(state: PayState): boolean {
  return stepOf(state) === 2 && chosenBills(state).length > 0
}

/** Poll the service only while the payment waits for the payer. */
export function isWaiting(state: PayState): boolean {
  return state.payment?.status === 'pending'
}

const TITLES = ['pay.stepFind', 'pay.stepChoose', 'pay.stepPay', 'pay.success'] as const

export function titleKeyOf(state: PayState): string {
  return TITLES[stepOf(state) - 1]!
}

/**
 * The spoken prompt; its values are count (bills to pay) and amount. Step 1 names 我的账户 only to
 * a signed-in resident, and the card reader only where one listens (a kiosk, before sign-in).
 */
export function promptKeyOf(
  state: PayState,
  method: PaymentMethod,
  signedIn = true,
  cardReader = false,
): string {
  switch (stepOf(state)) {
    case 1:
      // The keypad has its own prompt.
      if (state.kind) return 'voice.pay.account'
      return signedIn ? 'voice.pay.find' : cardReader ? 'voice.pay.findWithCard' : 'voice.pay.findByAccount'
    case 2:
      return unpaidBills(state).length ? 'voice.pay.choose' : 'voice.pay.nothing'
    case 3:
      return method === 'wechat-native' ? 'voice.pay.scan' : 'voice.pay.sheet'
    case 4:
      return 'voice.pay.success'
  }
}
