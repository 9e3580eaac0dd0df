/** The audit trail as people read it: names masked, newest first. */
import type { AuditEntryView } from '@bangban/core/api'
import { maskName } from '@bangban/core/domain'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { AppError } from '../util/errors'
import { paymentMethodOf } from './targets'

export interface AuditFilter {
  readonly residentId?: string
  readonly staffNo?: string
  readonly from?: string
  readonly to?: string
  readonly limit?: number
}

/**
 * The action as shown: a payment says how it was paid (createPayment.counter-cash, read on screen
 * as 为您缴费（现金）); everything else keeps its stored name.
 */
export function shownAction(action: string, target: string | null): string {
  const method = action === 'createPayment' ? paymentMethodOf(target) : null
  return method ? `${action}.${method}` : action
}

/** Staff are named; so is a resident acting for someone else (a family member), not the resident themself. */
function actorName(row: {
  staff_name: string | null
  actor_resident_name: string | null
  actor_id: string | null
  subject_id: string | null
}): string | null {
  if (row.staff_name) return maskName(row.staff_name)
  if (row.actor_resident_name && row.subject_id && row.actor_id !== row.subject_id)
    return maskName(row.actor_resident_name)
  return null
}

/** An ISO time with any offset as the stored form (UTC, milliseconds); the contract checked it is a time. */
function instant(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new AppError('VALIDATION_FAILED', [{ where: 'query', problem: 'invalid_date' }])
  return new Date(ms).toISOString()
}

export async function auditEntries(db: Kysely<Database>, filter: AuditFilter): Promise<AuditEntryView[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('staff as s', (join) => join.onRef('s.id', '=', 'a.actor_id').on('a.actor_kind', '=', 'staff'))
    .leftJoin('residents as r', 'r.id', 'a.subject_id')
    .leftJoin('residents as ar', (join) =>
      join.onRef('ar.id', '=', 'a.actor_id').on('a.actor_kind', '=', 'resident'),
    )
    .select([
      'a.seq',
      'a.at',
      'a.action',
      'a.actor_kind',
      'a.actor_id',
      'a.grant_id',
      'a.target',
      'a.subject_id',
      's.name as staff_name',
      's.staff_no',
      'r.name as subject_name',
      'ar.name as actor_resident_name',
    ])
  if (filter.residentId) query = query.where('a.subject_id', '=', filter.residentId)
  if (filter.staffNo) query = query.where('s.staff_no', '=', filter.staffNo)
  // Instants, not text: 14:47+08:00 is 06:47Z. Stored times are toISOString() (UTC, milliseconds),
  // so a bound given the same form compares correctly as text (issue 19, D9).
  if (filter.from) query = query.where('a.at', '>=', instant(filter.from))
  if (filter.to) query = query.where('a.at', '<', instant(filter.to))
  const rows = await query
    .orderBy('a.seq', 'desc')
    .limit(filter.limit ?? 200)
    .execute()
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    action: shownAction(row.action, row.target),
    actor: {
      kind: row.actor_kind,
      maskedName: actorName(row),
      staffNo: row.staff_no ?? null,
    },
    subject:
      row.subject_id && row.subject_name
        ? { id: row.subject_id, maskedName: maskName(row.subject_name) }
        : null,
    grantId: row.grant_id,
    target: row.target,
  }))
}
