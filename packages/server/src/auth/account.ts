/**
 * A resident's own account (PIPL art. 47, the right to deletion), in one transaction each:
 * - unlinking WeChat: every WeChat account linked to them, its subscriptions and its sessions go;
 *   the next WeChat sign-in asks for the mobile number again.
 * - deleting the account: what identifies the resident is erased (name, ID number, mobile number,
 *   WeChat links, sign-in codes, the contact and address of their requests) and every way to act as
 *   them ends (sessions, family grants both ways, helpers' grants); bookings still ahead are
 *   cancelled and their places freed; utility accounts are no longer linked to them.
 *   Kept, as the law requires, and used for nothing else: payment records (accounting records,
 *   会计档案管理办法) and the audit trail (append-only, hash-chained; it names the account by its id
 *   only, which now leads to no person). docs/wechat-privacy-guide.zh-CN.md says the same to residents.
 */
import type { Kysely, Transaction } from 'kysely'
import { appendAudit } from '../audit/log'
import { cancelFutureAppointments } from '../booking/appointments'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'

async function audit(trx: Transaction<Database>, at: string, residentId: string, action: string) {
  await appendAudit(trx, {
    at,
    actorKind: 'resident',
    actorId: residentId,
    subjectId: residentId,
    grantId: null,
    action,
    target: null,
  })
}

async function dropWechat(trx: Transaction<Database>, residentId: string, at: string): Promise<void> {
  await trx.deleteFrom('wechat_links').where('resident_id', '=', residentId).execute()
  await trx.deleteFrom('wechat_subscriptions').where('resident_id', '=', residentId).execute()
  await trx
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('resident_id', '=', residentId)
    .where('method', '=', 'wechat')
    .where('revoked_at', 'is', null)
    .execute()
  // A phone session the resident had linked WeChat to pays with it no more.
  await trx
    .updateTable('sessions')
    .set({ wechat_openid: null })
    .where('resident_id', '=', residentId)
    .execute()
}

/** 解除微信绑定: no WeChat account signs in as this resident any more. */
export async function unlinkWechat(db: Kysely<Database>, clock: Clock, residentId: string): Promise<void> {
  const at = clock.now().toISOString()
  await db.transaction().execute(async (trx) => {
    await dropWechat(trx, residentId, at)
    await audit(trx, at, residentId, 'wechat.unlinked')
  })
}

/** 注销账号: see the file's header for what goes and what is kept. */
export async function deleteAccount(db: Kysely<Database>, clock: Clock, residentId: string): Promise<void> {
  const at = clock.now().toISOString()
  await db.transaction().execute(async (trx) => {
    const resident = await trx
      .selectFrom('residents')
      .select(['phone'])
      .where('id', '=', residentId)
      .executeTakeFirst()
    if (!resident) throw new AppError('NOT_FOUND')

    await cancelFutureAppointments(trx, at, residentId)
    await dropWechat(trx, residentId, at)
    await trx
      .updateTable('sessions')
      .set({ revoked_at: at })
      .where('resident_id', '=', residentId)
      .where('revoked_at', 'is', null)
      .execute()
    await trx.deleteFrom('wechat_messages').where('resident_id', '=', residentId).execute()
    if (resident.phone) await trx.deleteFrom('phone_codes').where('phone', '=', resident.phone).execute()
    await trx.deleteFrom('idempotency_keys').where('resident_id', '=', residentId).execute()

    // Nobody acts for them, and they act for nobody.
    await trx
      .updateTable('family_grants')
      .set({ status: 'revoked', ended_at: at, ended_by: residentId })
      .where((eb) => eb.or([eb('member_resident_id', '=', residentId), eb('resident_id', '=', residentId)]))
      .where('status', 'in', ['pending', 'active'])
      .execute()
    await trx
      .deleteFrom('family_sessions')
      .where((eb) => eb.or([eb('member_resident_id', '=', residentId), eb('resident_id', '=', residentId)]))
      .execute()
    await trx
      .updateTable('consents')
      .set({ status: 'revoked', ended_at: at })
      .where('resident_id', '=', residentId)
      .where('status', '=', 'approved')
      .execute()
    await trx.deleteFrom('delegated_sessions').where('resident_id', '=', residentId).execute()

    await trx
      .updateTable('utility_accounts')
      .set({ resident_id: null })
      .where('resident_id', '=', residentId)
      .execute()
    await trx
      .updateTable('service_requests')
      .set({ description: '', address: null, contact_phone: '', rating_comment: null, updated_at: at })
      .where('resident_id', '=', residentId)
      .execute()
    await trx
      .updateTable('residents')
      .set({ name: '', id_number_hmac: null, id_number_masked: null, phone: null })
      .where('id', '=', residentId)
      .execute()
    await audit(trx, at, residentId, 'account.deleted')
  })
}
