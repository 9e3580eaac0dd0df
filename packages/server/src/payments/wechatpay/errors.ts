/** The one error type the client throws, so callers can decide on retries without parsing text. */

/**
 * Codes WeChat documents as transient (plus our own network failure). Retrying order creation with
 * the same out_trade_no, or a refund with the same out_refund_no, is safe by WeChat's design.
 */
const RETRYABLE = new Set(['SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'BANK_ERROR', 'NETWORK_ERROR'])

/**
 * Our own codes, besides WeChat's (ORDERPAID, ORDER_NOT_EXIST, ORDER_CLOSED, SIGN_ERROR, PARAM_ERROR, …):
 * INVALID_ARGUMENT (refused before sending), NETWORK_ERROR (no response; outcome unknown),
 * RESPONSE_UNVERIFIED (a response whose signature failed: never trust its content),
 * BAD_RESPONSE (signed, but not the shape documented).
 */
export type ClientErrorCode = 'INVALID_ARGUMENT' | 'NETWORK_ERROR' | 'RESPONSE_UNVERIFIED' | 'BAD_RESPONSE'

export class WechatPayError extends Error {
  override readonly name = 'WechatPayError'
  /** HTTP status of WeChat's answer; 0 when there was none. */
  readonly status: number
  /** WeChat's `code` (e.g. ORDERPAID) or one of `ClientErrorCode`. */
  readonly code: string
  readonly retryable: boolean
  /**
   * False when an error body came without a WeChat signature (e.g. a proxy's 502, or a 401 for our
   * own bad signature). Its code is then a hint only: confirm facts such as ORDERPAID by querying.
   */
  readonly verified: boolean
  readonly requestId: string | undefined
  readonly detail: unknown

  constructor(args: {
    status: number
    code: string
    message: string
    verified?: boolean
    requestId?: string | undefined
    detail?: unknown
    retryable?: boolean
  }) {
    super(`WeChat Pay ${args.code}${args.status ? ` (HTTP ${args.status})` : ''}: ${args.message}`)
    this.status = args.status
    this.code = args.code
    this.verified = args.verified ?? false
    this.requestId = args.requestId
    this.detail = args.detail
    this.retryable = args.retryable ?? (RETRYABLE.has(args.code) || args.status >= 500)
  }
}
