import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { sha256 } from '../util/hash'

/** The biller a push API key belongs to (its current key, or the previous one during an overlap). */
export async function billerOfKey(
  db: Kysely<Database>,
  key: string | undefined,
  clock: Clock,
): Promise<string> {
  if (!key || key.length > 256) throw new AppError('BILLER_KEY_INVALID')
  const hash = sha256(key)
  const now = clock.now().toISOString()
  const biller = await db
    .selectFrom('billers')
    .select('id')
    .where('active', '=', 1)
    .where((eb) =>
      eb.or([
        eb('key_hash', '=', hash),
        eb.and([eb('previous_key_hash', '=', hash), eb('previous_key_until', '>', now)]),
      ]),
    )
    .executeTakeFirst()
  if (!biller) throw new AppError('BILLER_KEY_INVALID')
  return biller.id
}
