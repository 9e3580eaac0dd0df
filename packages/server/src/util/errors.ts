import { ERROR_STATUS, type ErrorCode } from '@bangban/core/api'

/** A refusal with a stable code; the HTTP layer turns it into a translated error body. */
export class AppError extends Error {
  override readonly name = 'AppError'
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code)
    this.status = ERROR_STATUS[code]
  }
}
