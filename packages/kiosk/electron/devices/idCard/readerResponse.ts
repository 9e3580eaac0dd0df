/**
 * The JSON a local ID card reader service answers (our shape; READER-SERVICE.md documents it for
 * whoever writes the helper around a vendor's DLL):
 *
 *   { "result": "no-card" }
 *   { "result": "card", "readId": 17, "name": "…", "idNumber": "…", "validFrom": "20150601",
 *     "validUntil": "20350601" | "长期", "photo": "<base64, ignored>", … }
 *   { "result": "error", "code": "NO_DEVICE", "message": "…" }
 *
 * Only name, number and validity are taken; the photo and everything else is dropped unread.
 */
import { isValidIdNumber } from '@bangban/core/domain/idNumber'
import type { BridgeIdCard } from '@bangban/shared/platform/KioskBridge'
import { z } from 'zod'

// i18n-exempt: the value printed on cards valid for life, as reader services report it
const LIFETIME = ['长期', 'long-term', 'lifetime']

const date = z
  .string()
  .trim()
  .transform((value, context) => {
    if (LIFETIME.includes(value.toLowerCase())) return null
    const match = /^(\d{4})[-.]?(\d{2})[-.]?(\d{2})$/.exec(value)
    if (!match) {
      context.addIssue({ code: 'custom', message: 'not a date' })
      return z.NEVER
    }
    return `${match[1]}-${match[2]}-${match[3]}`
  })

const answer = z.discriminatedUnion('result', [
  z.object({ result: z.literal('no-card') }),
  z.object({
    result: z.literal('card'),
    readId: z.union([z.number(), z.string()]).optional(),
    // Names of ethnic minorities can be long and contain the middle dot.
    name: z.string().trim().min(1).max(40),
    idNumber: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase()),
    validUntil: date,
  }),
  z.object({ result: z.literal('error'), code: z.string().max(40).optional() }),
])

export type ReaderAnswer =
  | { readonly kind: 'no-card' }
  | { readonly kind: 'card'; readonly readId: string | null; readonly card: BridgeIdCard }
  | { readonly kind: 'error'; readonly code: string }

/** Never includes the card's number in an error: messages end up in logs. */
export function parseReaderAnswer(json: unknown): ReaderAnswer {
  const parsed = answer.safeParse(json)
  if (!parsed.success) return { kind: 'error', code: 'BAD_ANSWER' }
  const value = parsed.data
  if (value.result === 'no-card') return { kind: 'no-card' }
  if (value.result === 'error') return { kind: 'error', code: value.code ?? 'READER_ERROR' }
  // A misread chip gives a number whose check digit fails: ask for the card again rather than sign in.
  if (!isValidIdNumber(value.idNumber)) return { kind: 'error', code: 'BAD_NUMBER' }
  return {
    kind: 'card',
    readId: value.readId === undefined ? null : String(value.readId),
    card: { name: value.name, idNumber: value.idNumber, validUntil: value.validUntil },
  }
}
