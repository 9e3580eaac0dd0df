import type { Consent, ConsentScope } from '@bangban/core/api'
import { maskName } from '@bangban/core/domain'
import type { Kysely } from 'kysely'
import type { ConsentsTable, Database } from '../db/schema'
import { AppError } from '../util/errors'
import { consentStatus } from './state'

export async function loadConsent(db: Kysely<Database>, id: string): Promise<ConsentsTable> {
  const row = await db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export async function consentView(db: Kysely<Database>, row: ConsentsTable, now: string): Promise<Consent> {
  const helper = await db
    .selectFrom('staff')
    .select(['name', 'staff_no'])
    .where('id', '=', row.helper_staff_id)
    .executeTakeFirstOrThrow()
  const resident = row.resident_id
    ? await db.selectFrom('residents').select('name').where('id', '=', row.resident_id).executeTakeFirst()
    : undefined
  const status = consentStatus(row, now)
  return {
    id: row.id,
    status,
    scopes: JSON.parse(row.scopes) as ConsentScope[],
    minutes: row.minutes,
    helper: { maskedName: maskName(helper.name), staffNo: helper.staff_no },
    resident: resident ? { maskedName: maskName(resident.name) } : null,
    requestedAt: row.requested_at,
    pendingUntil: row.pending_until,
    approvedAt: row.approved_at,
    expiresAt: row.expires_at,
    endedAt: row.ended_at ?? (status === 'expired' ? (row.expires_at ?? row.pending_until) : null),
  }
}
