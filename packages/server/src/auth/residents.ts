/**
 * Residents are found again by an HMAC of their ID number (with this deployment's pepper): the
 * full number is never stored, logged or returned; only its masked form is kept for display.
 */
import type { ResidentSummary } from '@bangban/core/api'
import { maskName, maskPhone } from '@bangban/core/domain'
import { maskIdNumber } from '@bangban/core/domain'
import type { Kysely } from 'kysely'
import { isUniqueViolation } from '../db/errors'
import type { Database, ResidentsTable } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { hmac } from '../util/hash'
import { newId } from '../util/ids'

export function residentSummary(
  row: Pick<ResidentsTable, 'id' | 'name' | 'id_number_masked' | 'phone'>,
): ResidentSummary {
  return {
    id: row.id,
    maskedName: maskName(row.name),
    maskedIdNumber: row.id_number_masked,
    maskedPhone: row.phone ? maskPhone(row.phone) : null,
  }
}

export async function getResident(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('UNAUTHENTICATED')
  return row
}

async function findOrCreate(
  db: Kysely<Database>,
  column: 'id_number_hmac' | 'phone',
  value: string,
  create: () => ResidentsTable,
) {
  const existing = await db.selectFrom('residents').selectAll().where(column, '=', value).executeTakeFirst()
  if (existing) return existing
  const row = create()
  try {
    await db.insertInto('residents').values(row).execute()
    return row
  } catch (error) {
    // Two first sign-ins at once: the other one created the resident.
    if (!isUniqueViolation(error, 'residents')) throw error
    return db.selectFrom('residents').selectAll().where(column, '=', value).executeTakeFirstOrThrow()
  }
}

/** The name as compared: NFC, without spaces (a reader may pad or space a two-character name). */
const comparableName = (name: string) => name.normalize('NFC').replace(/\s+/g, '')

/**
 * The resident of an ID card reading: found by the HMAC of the number, and only when the name read
 * is the one on record (issue 19, D7), compared as an HMAC too. A typed-in number with a guessed
 * name is refused like a wrong number (INVALID_ID_NUMBER, problem `name`), saying nothing more.
 * Residents recorded before the name's HMAC was kept are compared with their stored name once and
 * given it then.
 */
export async function residentByIdNumber(
  db: Kysely<Database>,
  clock: Clock,
  pepper: string,
  name: string,
  idNumber: string,
) {
  const key = hmac(pepper, idNumber)
  const nameKey = hmac(pepper, `name:${comparableName(name)}`)
  const row = await findOrCreate(db, 'id_number_hmac', key, () => ({
    id: newId('res'),
    name,
    id_number_hmac: key,
    id_number_masked: maskIdNumber(idNumber),
    phone: null,
    created_at: clock.now().toISOString(),
    name_hmac: nameKey,
  }))
  if (row.name_hmac === nameKey) return row
  if (row.name_hmac === null && comparableName(row.name) === comparableName(name)) {
    await db.updateTable('residents').set({ name_hmac: nameKey }).where('id', '=', row.id).execute()
    return { ...row, name_hmac: nameKey }
  }
  throw new AppError('INVALID_ID_NUMBER', { problem: 'name' })
}

export async function residentByPhone(db: Kysely<Database>, clock: Clock, phone: string) {
  return findOrCreate(db, 'phone', phone, () => ({
    id: newId('res'),
    // A resident who signs in by phone alone is shown by their masked number until they add a name.
    name: maskPhone(phone),
    id_number_hmac: null,
    id_number_masked: null,
    phone,
    created_at: clock.now().toISOString(),
    name_hmac: null,
  }))
}
