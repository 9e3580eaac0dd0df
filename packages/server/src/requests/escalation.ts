/**
 * Run on a timer (and by tests with a manual clock): dispatches requests that were waiting for a
 * grid worker to come on duty, and escalates open requests past their category's time limit, once
 * each (the conditional update makes two instances running this at once harmless). Escalated
 * requests are listed for admins.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { OPEN_STATUSES, pickWorker } from './dispatch'
import { appendEvent, SYSTEM } from './events'

export async function dispatchWaiting(db: Kysely<Database>, clock: Clock): Promise<number> {
  const waiting = await db
    .selectFrom('service_requests')
    .select(['id', 'grid_id'])
    .where('status', '=', 'submitted')
    .where('assignee_staff_id', 'is', null)
    .orderBy('created_at')
    .limit(500)
    .execute()
  let dispatched = 0
  for (const request of waiting) {
    await db.transaction().execute(async (trx) => {
      const worker = await pickWorker(trx, request.grid_id)
      if (!worker) return
      const at = clock.now().toISOString()
      const moved = await trx
        .updateTable('service_requests')
        .set({ status: 'dispatched', assignee_staff_id: worker.id, updated_at: at })
        .where('id', '=', request.id)
        .where('status', '=', 'submitted')
        .where('assignee_staff_id', 'is', null)
        .executeTakeFirst()
      if (Number(moved.numUpdatedRows) !== 1) return
      await appendEvent(trx, request.id, 'dispatched', 'dispatched', at, SYSTEM)
      dispatched++
    })
  }
  return dispatched
}

export async function escalateOverdue(db: Kysely<Database>, clock: Clock): Promise<number> {
  const now = clock.now().toISOString()
  const overdue = await db
    .selectFrom('service_requests')
    .select(['id', 'status'])
    .where('status', 'in', OPEN_STATUSES)
    .where('due_at', '<=', now)
    .where('escalated_at', 'is', null)
    .orderBy('due_at')
    .limit(500)
    .execute()
  let escalated = 0
  for (const request of overdue) {
    await db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('service_requests')
        .set({ escalated_at: now, updated_at: now })
        .where('id', '=', request.id)
        .where('escalated_at', 'is', null)
        .where('status', 'in', OPEN_STATUSES)
        .returning('status')
        .executeTakeFirst()
      if (!moved) return
      await appendEvent(trx, request.id, 'escalated', moved.status, now, SYSTEM)
      escalated++
    })
  }
  return escalated
}

/** One pass of the timer. */
export async function superviseRequests(
  db: Kysely<Database>,
  clock: Clock,
): Promise<{ dispatched: number; escalated: number }> {
  const dispatched = await dispatchWaiting(db, clock)
  const escalated = await escalateOverdue(db, clock)
  return { dispatched, escalated }
}
