import { z } from 'zod'
import { isLocalDate } from '../domain/time'
import { ERROR_CODES, type ErrorCode } from './errors'

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
/** A UTC instant as ISO 8601. */
export const Instant = z.iso.datetime({ offset: true })
/** A Shanghai calendar day. */
export const LocalDateSchema = z.string().refine(isLocalDate, { message: 'expected a date YYYY-MM-DD' })
export const FenSchema = z.number().int().safe()

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.unknown().optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBody>

export const IdempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/)

/**
 * A fresh key for one attempt at a job (a booking, a payment): a retried request reuses it, so the
 * service does the job once; a new attempt gets a new key. Fits IdempotencyKey.
 */
export function newIdempotencyKey(job: 'book' | 'pay' | 'cash'): string {
  return `${job}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
