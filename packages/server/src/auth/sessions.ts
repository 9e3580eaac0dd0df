/** Opaque bearer tokens: 256 random bits, stored only as their SHA-256, with an expiry. */
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, SessionsTable } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { sha256 } from '../util/hash'

export async function createSession(
  db: Kysely<Database>,
  clock: Clock,
  residentId: string,
  method: SessionsTable['method'],
  ttlSeconds: number,
  deviceId: string | null,
  /** WeChat sign-in: the user's openid, for ordering JSAPI payments. */
  wechatOpenid: string | null = null,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url')
  const now = clock.now()
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000).toISOString()
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      resident_id: residentId,
      method,
      device_id: deviceId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
      wechat_openid: wechatOpenid,
    })
    .execute()
  return { token, expiresAt }
}

/** The resident id of a live session, or UNAUTHENTICATED. */
export async function residentOfToken(db: Kysely<Database>, clock: Clock, token: string): Promise<string> {
  const row = await db
    .selectFrom('sessions')
    .select(['resident_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst()
  if (!row || row.revoked_at || row.expires_at <= clock.now().toISOString())
    throw new AppError('UNAUTHENTICATED')
  return row.resident_id
}

export async function revokeSession(db: Kysely<Database>, clock: Clock, token: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: clock.now().toISOString() })
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .execute()
}
