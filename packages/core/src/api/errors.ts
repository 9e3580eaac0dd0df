/**
 * Stable machine error codes shared by the service and its clients. Each has an HTTP status and a
 * translated message under `errors.<CODE>` in the i18n resources.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_ID_NUMBER: 400,
  INVALID_PHONE: 400,
  INVALID_AMOUNT: 400,
  CASH_NOT_ENOUGH: 400,
  UNAUTHENTICATED: 401,
  KIOSK_KEY_INVALID: 401,
  CODE_INVALID: 401,
  INVALID_CREDENTIALS: 401,
  /** WeChat refused the wx.login code (used, expired, or a sign-in link that lapsed): log in again. */
  WECHAT_CODE_INVALID: 401,
  FORBIDDEN: 403,
  CONSENT_REQUIRED: 403,
  CONSENT_EXPIRED: 403,
  CONSENT_SCOPE: 403,
  PAYMENT_METHOD_NOT_ALLOWED: 403,
  /** Paying in the mini-program needs the resident's WeChat linked and signed in (a phone sign-in has none). */
  WECHAT_LINK_REQUIRED: 403,
  NOT_FOUND: 404,
  /** An administrator's entry is refused: details.problem says why (adminProblems.<problem>). */
  ADMIN_INVALID: 400,
  /** An administration change conflicts with what is there (a number taken, already disabled). */
  ADMIN_CONFLICT: 409,
  /** A biller's key is missing or wrong. */
  BILLER_KEY_INVALID: 401,
  ACCOUNT_NOT_FOUND: 404,
  QUEUE_EMPTY: 409,
  SLOT_FULL: 409,
  ALREADY_BOOKED: 409,
  SLOT_NOT_BOOKABLE: 409,
  APPOINTMENT_NOT_ACTIVE: 409,
  IDEMPOTENCY_CONFLICT: 409,
  BILL_ALREADY_PAID: 409,
  REQUEST_NOT_ACTIVE: 409,
  /** This WeChat is already linked to another resident. */
  WECHAT_LINKED_ELSEWHERE: 409,
  NO_GRID_WORKER: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  PAYMENT_PROVIDER_UNAVAILABLE: 503,
  /** WeChat's servers did not answer or refused us (busy, rate limited, misconfigured). */
  WECHAT_UNAVAILABLE: 503,
  /** Client side only: the service could not be reached. */
  NETWORK: 0,
  /** Client side only: a card is on the reader but could not be read. */
  ID_CARD_UNREADABLE: 0,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[]

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, value)
}

/** The i18n key of an error code's message. */
export function errorMessageKey(code: ErrorCode): `errors.${ErrorCode}` {
  return `errors.${code}`
}

/**
 * Why a grant no longer serves, in the details of CONSENT_EXPIRED (`{ reason }`): its time ran
 * out, the resident took it back, the resident said no, or (to a second answer) it was already
 * answered. One code for all keeps every client that ends a delegation on CONSENT_EXPIRED working.
 */
export const CONSENT_END_REASONS = ['expired', 'revoked', 'denied', 'answered'] as const
export type ConsentEndReason = (typeof CONSENT_END_REASONS)[number]

/** The reason a CONSENT_EXPIRED names, or null (another error, or a service that does not say). */
export function consentEndReason(error: {
  readonly code: ErrorCode
  readonly details?: unknown
}): ConsentEndReason | null {
  if (error.code !== 'CONSENT_EXPIRED') return null
  const reason = (error.details as { reason?: unknown } | null | undefined)?.reason
  return (CONSENT_END_REASONS as readonly unknown[]).includes(reason) ? (reason as ConsentEndReason) : null
}

/** The i18n key of what to tell the user: the code's message, or how the grant ended when known. */
export function errorMessageKeyOf(error: {
  readonly code: ErrorCode
  readonly details?: unknown
}): `errors.${ErrorCode}` | `consentEnded.${ConsentEndReason}` | `adminProblems.${string}` {
  const reason = consentEndReason(error)
  if (reason) return `consentEnded.${reason}`
  const problem = adminProblemOf(error)
  return problem ? `adminProblems.${problem}` : errorMessageKey(error.code)
}

/**
 * The reason an administration change was refused (details.problem of ADMIN_INVALID, ADMIN_CONFLICT
 * or NOT_FOUND), or null. Its words are `adminProblems.<problem>`, with the details as values.
 */
export function adminProblemOf(error: {
  readonly code: ErrorCode
  readonly details?: unknown
}): string | null {
  if (error.code !== 'ADMIN_INVALID' && error.code !== 'ADMIN_CONFLICT' && error.code !== 'NOT_FOUND')
    return null
  const problem = (error.details as { problem?: unknown } | null | undefined)?.problem
  return typeof problem === 'string' && /^[a-zA-Z]{1,32}$/.test(problem) ? problem : null
}

/** An error the API answered with (or the client met), with its stable code. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}
