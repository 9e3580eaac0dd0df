/**
 * One-time SMS codes: 6 digits, valid 5 minutes, at most 5 tries, used once. Sending is limited
 * per number in the database (one a minute, five an hour), so the limit holds across instances
 * and under a burst of simultaneous requests.
 */
import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import { isUniqueViolation } from '../db/errors'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { sha256 } from '../util/hash'
import type { SmsProvider } from './sms'

export const CODE_TTL_SECONDS = 300
export const RESEND_AFTER_SECONDS = 60
export const MAX_CODES_PER_HOUR = 5
export const MAX_ATTEMPTS = 5

export async function sendPhoneCode(db: Kysely<Database>, clock: Clock, sms: SmsProvider, phone: string) {
  const now = clock.now()
  const hourAgo = new Date(now.getTime() - 3600_000).toISOString()
  const recent = await db
    .selectFrom('phone_codes')
    .select('created_at')
    .where('phone', '=', phone)
    .where('created_at', '>', hourAgo)
    .orderBy('created_at', 'desc')
    .execute()
  const last = recent[0]
  if (
    recent.length >= MAX_CODES_PER_HOUR ||
    (last && now.getTime() - Date.parse(last.created_at) < RESEND_AFTER_SECONDS * 1000)
  ) {
    throw new AppError('RATE_LIMITED')
  }
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0')
  const expiresAt = new Date(now.getTime() + CODE_TTL_SECONDS * 1000).toISOString()
  // The id names the number and the minute: of simultaneous requests, which all passed the check
  // above, only one can insert (and send).
  const minute = Math.floor(now.getTime() / (RESEND_AFTER_SECONDS * 1000))
  const codeId = `code_${sha256(`${phone}:${minute}`).slice(0, 32)}`
  const inserted = await db
    .insertInto('phone_codes')
    .values({
      id: codeId,
      phone,
      code_hash: sha256(`${phone}:${code}`),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      attempts: 0,
      used_at: null,
    })
    .execute()
    .then(
      () => true,
      (error: unknown) => {
        if (isUniqueViolation(error, 'phone_codes')) return false
        throw error
      },
    )
  if (!inserted) throw new AppError('RATE_LIMITED')
  try {
    await sms.sendCode(phone, code, CODE_TTL_SECONDS / 60)
  } catch (error) {
    // Not sent (or not known to be): the code must not work, and must not hold back a new try.
    await db.deleteFrom('phone_codes').where('id', '=', codeId).execute()
    throw error
  }
  return { sent: true as const, expiresAt, resendAfterSeconds: RESEND_AFTER_SECONDS }
}

/** Consumes the newest live code of a number if it matches; every try counts, the right one too. */
export async function verifyPhoneCode(
  db: Kysely<Database>,
  clock: Clock,
  phone: string,
  code: string,
): Promise<void> {
  const now = clock.now().toISOString()
  const live = await db
    .selectFrom('phone_codes')
    .selectAll()
    .where('phone', '=', phone)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  if (!live) throw new AppError('CODE_INVALID')
  // The try is counted before the code is compared, in one conditional update: simultaneous
  // guesses cannot all read the same count and be compared beyond the limit.
  const counted = await db
    .updateTable('phone_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', live.id)
    .where('attempts', '<', MAX_ATTEMPTS)
    .executeTakeFirst()
  if (Number(counted.numUpdatedRows) !== 1) throw new AppError('CODE_INVALID')
  if (live.code_hash !== sha256(`${phone}:${code}`)) throw new AppError('CODE_INVALID')
  // Conditional on unused: the same code cannot sign in twice, even at the same moment.
  const used = await db
    .updateTable('phone_codes')
    .set({ used_at: now })
    .where('id', '=', live.id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  if (Number(used.numUpdatedRows) !== 1) throw new AppError('CODE_INVALID')
}
