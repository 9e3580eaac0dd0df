/**
 * The queue for the 代帮办 counter: numbers taken at the kiosks (取号) in order for the day, and
 * called by helpers (叫号). Calling claims the oldest waiting number with a conditional update, so
 * two helpers calling at once never get the same person.
 */
import type { QueueCall, QueueStatus, QueueTicket } from '@bangban/core/api'
import { formatTicketNo, shanghaiDate } from '@bangban/core/domain'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { newId } from '../util/ids'

/** The counter's letter, told apart from appointment tickets (A–E) when called aloud. */
export const COUNTER_PREFIX = 'H'

export interface QueueDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
}

async function waitingBefore(db: Kysely<Database>, day: string, sequence: number): Promise<number> {
  const row = await db
    .selectFrom('queue_tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('local_date', '=', day)
    .where('status', '=', 'waiting')
    .where('sequence', '<', sequence)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The day's counter lives beside the appointment counters, under a name no service has. */
const COUNTER_KEY = 'queue:counter'

export async function takeNumber({ db, clock }: QueueDeps, deviceId: string | null): Promise<QueueTicket> {
  const now = clock.now()
  const day = shanghaiDate(now)
  const id = newId('que')
  const { sequence, ticketNo } = await db.transaction().execute(async (trx) => {
    // One atomic increment per number: two kiosks at the same moment get consecutive numbers.
    const { last_sequence } = await trx
      .insertInto('ticket_counters')
      .values({ service_id: COUNTER_KEY, local_date: day, last_sequence: 1 })
      .onConflict((oc) =>
        oc
          .columns(['service_id', 'local_date'])
          .doUpdateSet((eb) => ({ last_sequence: eb('ticket_counters.last_sequence', '+', 1) })),
      )
      .returning('last_sequence')
      .executeTakeFirstOrThrow()
    const seq = Number(last_sequence)
    const no = formatTicketNo(COUNTER_PREFIX, ((seq - 1) % 999) + 1)
    await trx
      .insertInto('queue_tickets')
      .values({
        id,
        local_date: day,
        sequence: seq,
        ticket_no: no,
        status: 'waiting',
        device_id: deviceId,
        taken_at: now.toISOString(),
        called_at: null,
        called_by: null,
        window_no: null,
      })
      .execute()
    return { sequence: seq, ticketNo: no }
  })
  return { id, ticketNo, waitingAhead: await waitingBefore(db, day, sequence), takenAt: now.toISOString() }
}

/**
 * A number given back: cancelled while it still waits, only by the kiosk that took it (a number
 * already called, or another kiosk's, stays as it is). NOT_FOUND for anything else, so a kiosk
 * learns nothing about numbers that are not its own.
 */
export async function cancelNumber({ db }: QueueDeps, deviceId: string | null, id: string): Promise<void> {
  if (!deviceId) throw new AppError('NOT_FOUND')
  const row = await db
    .selectFrom('queue_tickets')
    .select(['status'])
    .where('id', '=', id)
    .where('device_id', '=', deviceId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  await db
    .updateTable('queue_tickets')
    .set({ status: 'cancelled' })
    .where('id', '=', id)
    .where('status', '=', 'waiting')
    .execute()
}

export async function callNext(
  { db, clock }: QueueDeps,
  staffId: string,
  windowNo: number,
): Promise<QueueCall> {
  const now = clock.now().toISOString()
  const day = shanghaiDate(clock.now())
  for (let attempt = 0; attempt < 10; attempt++) {
    const next = await db
      .selectFrom('queue_tickets')
      .select(['id', 'ticket_no'])
      .where('local_date', '=', day)
      .where('status', '=', 'waiting')
      .orderBy('sequence')
      .limit(1)
      .executeTakeFirst()
    if (!next) throw new AppError('QUEUE_EMPTY')
    const claimed = await db
      .updateTable('queue_tickets')
      .set({ status: 'called', called_at: now, called_by: staffId, window_no: windowNo })
      .where('id', '=', next.id)
      .where('status', '=', 'waiting')
      .executeTakeFirst()
    if (Number(claimed.numUpdatedRows) === 1) return { ticketNo: next.ticket_no, windowNo, calledAt: now }
  }
  throw new AppError('SERVICE_UNAVAILABLE')
}

export async function queueStatus({ db, clock }: QueueDeps): Promise<QueueStatus> {
  const day = shanghaiDate(clock.now())
  const waiting = await db
    .selectFrom('queue_tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('local_date', '=', day)
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow()
  const calls = await db
    .selectFrom('queue_tickets')
    .select(['ticket_no', 'window_no', 'called_at'])
    .where('local_date', '=', day)
    .where('status', '=', 'called')
    .orderBy('called_at', 'desc')
    .limit(5)
    .execute()
  return {
    waiting: Number(waiting.n),
    calls: calls.map((c) => ({
      ticketNo: c.ticket_no,
      windowNo: Number(c.window_no),
      calledAt: c.called_at!,
    })),
  }
}
