/**
 * Which resident a WeChat user is. The first sign-in from a WeChat account finds no link: the
 * phone gets a short-lived link token (the openid stays on the service) and the resident proves
 * their mobile number with an SMS code, which links the account for good. One WeChat account
 * is one resident; a resident may use several (a new phone, a new account).
 */
import { randomBytes } from 'node:crypto'
import { appendAudit } from '../audit/log'
import type { Kysely } from 'kysely'
import { isUniqueViolation } from '../db/errors'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { sha256 } from '../util/hash'
import type { WechatIdentity } from './auth'

/** Long enough to get and type an SMS code, short enough that a leaked token is soon worthless. */
export const LINK_TICKET_SECONDS = 15 * 60

export type WechatSignInStart =
  | { readonly outcome: 'linked'; readonly residentId: string }
  | { readonly outcome: 'needs-link'; readonly linkToken: string; readonly expiresAt: string }

export async function residentOfOpenid(db: Kysely<Database>, openid: string): Promise<string | null> {
  const row = await db
    .selectFrom('wechat_links')
    .select('resident_id')
    .where('openid', '=', openid)
    .executeTakeFirst()
  return row?.resident_id ?? null
}

export async function beginWechatSignIn(
  db: Kysely<Database>,
  clock: Clock,
  identity: WechatIdentity,
): Promise<WechatSignInStart> {
  const residentId = await residentOfOpenid(db, identity.openid)
  if (residentId) return { outcome: 'linked', residentId }
  const linkToken = randomBytes(32).toString('base64url')
  const now = clock.now()
  const expiresAt = new Date(now.getTime() + LINK_TICKET_SECONDS * 1000).toISOString()
  await db
    .insertInto('wechat_link_tickets')
    .values({
      token_hash: sha256(linkToken),
      openid: identity.openid,
      unionid: identity.unionid,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute()
  return { outcome: 'needs-link', linkToken, expiresAt }
}

/** The WeChat user of a live, unused link token, or WECHAT_CODE_INVALID (sign in with WeChat again). */
export async function linkTicket(
  db: Kysely<Database>,
  clock: Clock,
  linkToken: string,
): Promise<WechatIdentity> {
  const row = await db
    .selectFrom('wechat_link_tickets')
    .select(['openid', 'unionid', 'expires_at', 'used_at'])
    .where('token_hash', '=', sha256(linkToken))
    .executeTakeFirst()
  if (!row || row.used_at || row.expires_at <= clock.now().toISOString())
    throw new AppError('WECHAT_CODE_INVALID')
  return { openid: row.openid, unionid: row.unionid }
}

/**
 * Uses the link token (once, even when two arrive together) and links its WeChat user to the
 * resident. An account linked meanwhile to someone else stays theirs.
 */
export async function completeWechatLink(
  db: Kysely<Database>,
  clock: Clock,
  linkToken: string,
  residentId: string,
): Promise<WechatIdentity> {
  const now = clock.now().toISOString()
  return db.transaction().execute(async (trx) => {
    const ticket = await linkTicket(trx, clock, linkToken)
    const used = await trx
      .updateTable('wechat_link_tickets')
      .set({ used_at: now })
      .where('token_hash', '=', sha256(linkToken))
      .where('used_at', 'is', null)
      .executeTakeFirst()
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('WECHAT_CODE_INVALID')
    try {
      await trx
        .insertInto('wechat_links')
        .values({ openid: ticket.openid, resident_id: residentId, unionid: ticket.unionid, linked_at: now })
        .execute()
    } catch (error) {
      if (!isUniqueViolation(error, 'wechat_links')) throw error
      // On PostgreSQL the failed insert ended the transaction's usefulness: refuse and let the user retry.
      throw new AppError('WECHAT_CODE_INVALID')
    }
    return ticket
  })
}

/** The WeChat user who opened this session (null for ID-card and phone sessions). */
export async function openidOfSession(db: Kysely<Database>, token: string): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select('wechat_openid')
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst()
  return row?.wechat_openid ?? null
}

/**
 * Links this WeChat user to a resident who signed in another way (their mobile number), from the
 * mini-program with a fresh wx.login code, and lets the session they are in pay with it. A WeChat
 * account already linked to someone else stays theirs: WECHAT_LINKED_ELSEWHERE.
 */
export async function linkWechatToSession(
  db: Kysely<Database>,
  clock: Clock,
  residentId: string,
  token: string,
  identity: WechatIdentity,
): Promise<void> {
  const now = clock.now().toISOString()
  try {
    await db.transaction().execute(async (trx) => {
      const owner = await residentOfOpenid(trx, identity.openid)
      if (owner && owner !== residentId) throw new AppError('WECHAT_LINKED_ELSEWHERE')
      if (!owner)
        await trx
          .insertInto('wechat_links')
          .values({
            openid: identity.openid,
            resident_id: residentId,
            unionid: identity.unionid,
            linked_at: now,
          })
          .execute()
      await trx
        .updateTable('sessions')
        .set({ wechat_openid: identity.openid })
        .where('token_hash', '=', sha256(token))
        .execute()
      await appendAudit(trx, {
        at: now,
        actorKind: 'resident',
        actorId: residentId,
        subjectId: residentId,
        grantId: null,
        action: 'wechat.linked',
        target: null,
      })
    })
  } catch (error) {
    // Linked by another resident at the same moment.
    if (isUniqueViolation(error, 'wechat_links')) throw new AppError('WECHAT_LINKED_ELSEWHERE')
    throw error
  }
}
