import type { Kysely } from 'kysely'
import { appendAudit } from '../audit/log'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { sha256 } from '../util/hash'

/**
 * The device a kiosk key belongs to, or KIOSK_KEY_INVALID. Keys are compared by their hash: the
 * current key, or a rotated-away one during its overlap.
 */
export async function kioskOfKey(
  db: Kysely<Database>,
  key: string | undefined,
  now: string = new Date().toISOString(),
): Promise<string> {
  if (!key || key.length > 256) throw new AppError('KIOSK_KEY_INVALID')
  const hash = sha256(key)
  const device = await db
    .selectFrom('devices')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('key_hash', '=', hash),
        eb.and([eb('previous_key_hash', '=', hash), eb('previous_key_until', '>', now)]),
      ]),
    )
    .executeTakeFirst()
  if (!device) throw new AppError('KIOSK_KEY_INVALID')
  return device.id
}

/**
 * Registers the key of the configuration (BANGBAN_KIOSK_KEY) for one device at start. A device an
 * operator revoked stays revoked (the setting is reported, not obeyed: a restart must not undo a
 * revocation), and a key that changes is recorded in the audit trail.
 */
export async function registerKiosk(
  db: Kysely<Database>,
  id: string,
  name: string,
  key: string,
  clock: Clock,
): Promise<'registered' | 'unchanged' | 'revoked'> {
  const at = clock.now().toISOString()
  const hash = sha256(key)
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('devices').select(['key_hash']).where('id', '=', id).executeTakeFirst()
    if (row?.key_hash === hash) return 'unchanged'
    if (row?.key_hash.startsWith('revoked$')) return 'revoked'
    await trx
      .insertInto('devices')
      .values({ id, name, key_hash: hash, created_at: at })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name, key_hash: hash }))
      .execute()
    await appendAudit(trx, {
      at,
      actorKind: 'system',
      actorId: 'config:BANGBAN_KIOSK_KEY',
      subjectId: null,
      grantId: null,
      action: row ? 'kiosk.key-rotated' : 'kiosk.added',
      target: id,
    })
    return 'registered'
  })
}
