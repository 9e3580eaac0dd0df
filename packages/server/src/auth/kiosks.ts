import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { AppError } from '../util/errors'
import { sha256 } from '../util/hash'

/** The device a kiosk key belongs to, or KIOSK_KEY_INVALID. Keys are compared by their hash. */
export async function kioskOfKey(db: Kysely<Database>, key: string | undefined): Promise<string> {
  if (!key || key.length > 256) throw new AppError('KIOSK_KEY_INVALID')
  const device = await db
    .selectFrom('devices')
    .select('id')
    .where('key_hash', '=', sha256(key))
    .executeTakeFirst()
  if (!device) throw new AppError('KIOSK_KEY_INVALID')
  return device.id
}

export async function registerKiosk(
  db: Kysely<Database>,
  id: string,
  name: string,
  key: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('devices')
    .values({ id, name, key_hash: sha256(key), created_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name, key_hash: sha256(key) }))
    .execute()
}
