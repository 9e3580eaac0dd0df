import type { TimelineEvent } from '@bangban/core/api'
import type { Transaction } from 'kysely'
import type { Database, RequestEventsTable, ServiceRequestStatus } from '../db/schema'
import { newId } from '../util/ids'

export interface Actor {
  readonly kind: RequestEventsTable['actor_kind']
  readonly id: string | null
}

export const SYSTEM: Actor = { kind: 'system', id: null }

/**
 * Appends a timeline entry. Callers hold the request's row (their conditional update came first),
 * so entries of one request are numbered one after another without gaps or clashes.
 */
export async function appendEvent(
  trx: Transaction<Database>,
  requestId: string,
  event: TimelineEvent,
  status: ServiceRequestStatus,
  at: string,
  actor: Actor,
  note: string | null = null,
): Promise<void> {
  const last = await trx
    .selectFrom('request_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('request_id', '=', requestId)
    .executeTakeFirst()
  await trx
    .insertInto('request_events')
    .values({
      id: newId('rev'),
      request_id: requestId,
      seq: Number(last?.seq ?? 0) + 1,
      event,
      status,
      at,
      actor_kind: actor.kind,
      actor_id: actor.id,
      note,
    })
    .execute()
}
