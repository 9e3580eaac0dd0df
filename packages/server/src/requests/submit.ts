/**
 * Submitting a request: validated, numbered (R + Shanghai date + sequence, easy to read aloud),
 * placed in a grid and dispatched to a grid worker in one transaction. With nobody on duty it
 * waits as "submitted" and is dispatched by the escalation pass when someone is.
 */
import type { CreateServiceRequest, ServiceRequest } from '@bangban/core/api'
import { normalizeMobile, shanghaiDate } from '@bangban/core/domain'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { type KeyedCall, keyedCall, once, rememberResult, residentKeys } from '../util/idempotency'
import { newId } from '../util/ids'
import { gridForAddress, pickWorker, requireGrid } from './dispatch'
import { appendEvent } from './events'
import { residentRequestView } from './views'

export interface RequestDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
}

/** A mobile number, or a landline with its area code (many older residents have only that). */
export function contactNumber(input: string): string {
  const mobile = normalizeMobile(input)
  if (mobile) return mobile
  const landline = input.replace(/[\s-]/g, '')
  if (/^0\d{9,11}$/.test(landline)) return landline
  throw new AppError('INVALID_PHONE')
}

/**
 * The number left with an earlier request of the same resident (上次留的电话). Another resident's
 * request, or one whose details were erased, is refused like a bad number: nothing is said about it.
 */
async function earlierContact(db: Kysely<Database>, residentId: string, requestId: string): Promise<string> {
  const row = await db
    .selectFrom('service_requests')
    .select('contact_phone')
    .where('id', '=', requestId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst()
  if (!row?.contact_phone) throw new AppError('INVALID_PHONE')
  return row.contact_phone
}

async function nextRequestNo(trx: Transaction<Database>, day: string): Promise<string> {
  const { last_sequence } = await trx
    .insertInto('request_counters')
    .values({ local_date: day, last_sequence: 1 })
    .onConflict((oc) =>
      oc
        .column('local_date')
        .doUpdateSet((eb) => ({ last_sequence: eb('request_counters.last_sequence', '+', 1) })),
    )
    .returning('last_sequence')
    .executeTakeFirstOrThrow()
  return `R${day.replace(/-/g, '')}${String(last_sequence).padStart(3, '0')}`
}

export async function submitRequest(
  { db, clock }: RequestDeps,
  residentId: string,
  input: CreateServiceRequest,
  idempotencyKey?: string,
): Promise<ServiceRequest> {
  const contact =
    input.contactFrom !== undefined
      ? await earlierContact(db, residentId, input.contactFrom)
      : contactNumber(input.contactPhone ?? '')
  const call = keyedCall(residentId, idempotencyKey, 'createServiceRequest', input)
  const answer = (id: string) => residentRequestView(db, residentId, id)
  return once(db, residentKeys, call, () => submitOnce(db, clock, residentId, input, contact, call), answer)
}

async function submitOnce(
  db: Kysely<Database>,
  clock: Clock,
  residentId: string,
  input: CreateServiceRequest,
  contact: string,
  call: KeyedCall | undefined,
): Promise<ServiceRequest> {
  const category = await db
    .selectFrom('request_categories')
    .selectAll()
    .where('id', '=', input.categoryId)
    .where('active', '=', 1)
    .executeTakeFirst()
  if (!category) throw new AppError('VALIDATION_FAILED', [{ where: 'body.categoryId', problem: 'unknown' }])
  const gridId = input.gridId ? await requireGrid(db, input.gridId) : await gridForAddress(db, input.address!)
  const id = newId('req')
  await db.transaction().execute(async (trx) => {
    const now = clock.now()
    const at = now.toISOString()
    const worker = await pickWorker(trx, gridId)
    await trx
      .insertInto('service_requests')
      .values({
        id,
        request_no: await nextRequestNo(trx, shanghaiDate(now)),
        resident_id: residentId,
        category_id: category.id,
        description: input.description,
        address: input.address ?? null,
        grid_id: gridId,
        contact_phone: contact,
        status: worker ? 'dispatched' : 'submitted',
        assignee_staff_id: worker?.id ?? null,
        created_at: at,
        due_at: new Date(now.getTime() + category.time_limit_hours * 3600_000).toISOString(),
        first_response_at: null,
        resolved_at: null,
        closed_at: null,
        escalated_at: null,
        rating_score: null,
        rating_comment: null,
        updated_at: at,
      })
      .execute()
    await appendEvent(trx, id, 'submitted', 'submitted', at, { kind: 'resident', id: residentId })
    if (worker) await appendEvent(trx, id, 'dispatched', 'dispatched', at, { kind: 'system', id: null })
    if (call) await rememberResult(trx, residentKeys, call, id, at)
  })
  return residentRequestView(db, residentId, id)
}

export async function listResidentRequests(
  db: Kysely<Database>,
  residentId: string,
): Promise<ServiceRequest[]> {
  const rows = await db
    .selectFrom('service_requests')
    .select('id')
    .where('resident_id', '=', residentId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute()
  return Promise.all(rows.map((r) => residentRequestView(db, residentId, r.id)))
}
