/**
 * Booking that never oversells, on either engine and across service instances: a place is claimed
 * by one conditional update of the slot's free-place counter (`remaining > 0`) inside the
 * transaction, the database refuses a negative count, and a partial unique index allows one live
 * booking per resident, service and day. Cancel and reschedule release and claim the same way.
 */
import type { Appointment } from '@bangban/core/api'
import { formatTicketNo } from '@bangban/core/domain'
import type { Kysely, Transaction } from 'kysely'
import { isUniqueViolation } from '../db/errors'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { keyedCall, once, rememberResult, residentKeys } from '../util/idempotency'
import { newId } from '../util/ids'

type Db = Kysely<Database> | Transaction<Database>

export async function getAppointment(db: Db, residentId: string, id: string): Promise<Appointment> {
  const row = await db
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('services as v', 'v.id', 'a.service_id')
    .innerJoin('providers as p', 'p.id', 'v.provider_id')
    .select([
      'a.id',
      'a.slot_id',
      'a.service_id',
      'v.name as service_name',
      'p.name as provider_name',
      's.starts_at',
      's.ends_at',
      'a.ticket_no',
      'a.status',
      'a.created_at',
      'a.cancelled_at',
    ])
    .where('a.id', '=', id)
    .where('a.resident_id', '=', residentId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return {
    id: row.id,
    slotId: row.slot_id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    providerName: row.provider_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    ticketNo: row.ticket_no,
    status: row.status,
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
  }
}

export async function listAppointments(db: Db, residentId: string): Promise<Appointment[]> {
  const ids = await db
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .select('a.id')
    .where('a.resident_id', '=', residentId)
    .orderBy('s.starts_at', 'desc')
    .execute()
  return Promise.all(ids.map((r) => getAppointment(db, residentId, r.id)))
}

/** The slot with what an appointment shows of its service and place, if it can still be booked. */
async function bookableSlot(trx: Transaction<Database>, clock: Clock, slotId: string) {
  const slot = await trx
    .selectFrom('slots as s')
    .innerJoin('services as v', 'v.id', 's.service_id')
    .innerJoin('providers as p', 'p.id', 'v.provider_id')
    .select([
      's.id',
      's.service_id',
      's.local_date',
      's.starts_at',
      's.ends_at',
      'v.name as service_name',
      'v.ticket_prefix',
      'p.name as provider_name',
    ])
    .where('s.id', '=', slotId)
    .executeTakeFirst()
  if (!slot) throw new AppError('NOT_FOUND')
  if (slot.starts_at <= clock.now().toISOString()) throw new AppError('SLOT_NOT_BOOKABLE')
  return slot
}

/** Takes one free place, or refuses with SLOT_FULL; never reads-then-writes. */
async function claimPlace(trx: Transaction<Database>, slotId: string): Promise<void> {
  const result = await trx
    .updateTable('slots')
    .set((eb) => ({ remaining: eb('remaining', '-', 1) }))
    .where('id', '=', slotId)
    .where('remaining', '>', 0)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('SLOT_FULL')
}

async function releasePlace(trx: Transaction<Database>, slotId: string): Promise<void> {
  await trx
    .updateTable('slots')
    .set((eb) => ({ remaining: eb('remaining', '+', 1) }))
    .where('id', '=', slotId)
    .where((eb) => eb('remaining', '<', eb.ref('capacity')))
    .execute()
}

async function refuseSecondBooking(
  trx: Transaction<Database>,
  residentId: string,
  serviceId: string,
  localDate: string,
  except?: string,
) {
  let query = trx
    .selectFrom('appointments')
    .select('id')
    .where('resident_id', '=', residentId)
    .where('service_id', '=', serviceId)
    .where('local_date', '=', localDate)
    .where('status', '=', 'booked')
  if (except) query = query.where('id', '!=', except)
  if (await query.executeTakeFirst()) throw new AppError('ALREADY_BOOKED')
}

/** The next ticket number of the slot's service and day, e.g. A012. */
async function nextTicketNo(
  trx: Transaction<Database>,
  slot: { service_id: string; local_date: string; ticket_prefix: string },
): Promise<string> {
  const { service_id: serviceId, local_date: localDate } = slot
  const { last_sequence } = await trx
    .insertInto('ticket_counters')
    .values({ service_id: serviceId, local_date: localDate, last_sequence: 1 })
    .onConflict((oc) =>
      oc
        .columns(['service_id', 'local_date'])
        .doUpdateSet((eb) => ({ last_sequence: eb('ticket_counters.last_sequence', '+', 1) })),
    )
    .returning('last_sequence')
    .executeTakeFirstOrThrow()
  // Three digits are read aloud; a day never has 999 bookings of one service, but wrap rather than fail.
  return formatTicketNo(slot.ticket_prefix, ((Number(last_sequence) - 1) % 999) + 1)
}

export interface BookingDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
}

export async function bookAppointment(
  { db, clock }: BookingDeps,
  residentId: string,
  slotId: string,
  idempotencyKey?: string,
): Promise<Appointment> {
  const call = keyedCall(residentId, idempotencyKey, 'createAppointment', { slotId })
  return once(
    db,
    residentKeys,
    call,
    () =>
      db.transaction().execute(async (trx): Promise<Appointment> => {
        const slot = await bookableSlot(trx, clock, slotId)
        await refuseSecondBooking(trx, residentId, slot.service_id, slot.local_date)
        await claimPlace(trx, slot.id)
        const now = clock.now().toISOString()
        const appointment: Appointment = {
          id: newId('apt'),
          slotId: slot.id,
          serviceId: slot.service_id,
          serviceName: slot.service_name,
          providerName: slot.provider_name,
          startsAt: slot.starts_at,
          endsAt: slot.ends_at,
          ticketNo: await nextTicketNo(trx, slot),
          status: 'booked',
          createdAt: now,
          cancelledAt: null,
        }
        await trx
          .insertInto('appointments')
          .values({
            id: appointment.id,
            resident_id: residentId,
            slot_id: slot.id,
            service_id: slot.service_id,
            local_date: slot.local_date,
            ticket_no: appointment.ticketNo,
            status: 'booked',
            created_at: now,
            cancelled_at: null,
          })
          .execute()
        if (call) await rememberResult(trx, residentKeys, call, appointment.id, now)
        return appointment
      }),
    (earlier) => getAppointment(db, residentId, earlier),
  ).catch((error: unknown) => {
    if (isUniqueViolation(error, 'appointments')) throw new AppError('ALREADY_BOOKED')
    throw error
  })
}

export async function cancelAppointment(
  { db, clock }: BookingDeps,
  residentId: string,
  id: string,
): Promise<Appointment> {
  await db.transaction().execute(async (trx) => {
    const now = clock.now().toISOString()
    const current = await getAppointment(trx, residentId, id)
    if (current.status !== 'booked' || current.startsAt <= now) throw new AppError('APPOINTMENT_NOT_ACTIVE')
    // Conditional on still being booked: two cancels racing free the place once.
    const cancelled = await trx
      .updateTable('appointments')
      .set({ status: 'cancelled', cancelled_at: now })
      .where('id', '=', id)
      .where('resident_id', '=', residentId)
      .where('status', '=', 'booked')
      .returning('slot_id')
      .executeTakeFirst()
    if (!cancelled) throw new AppError('APPOINTMENT_NOT_ACTIVE')
    await releasePlace(trx, cancelled.slot_id)
  })
  return getAppointment(db, residentId, id)
}

/** Cancels a resident's bookings still ahead (their account is deleted) and frees the places. */
export async function cancelFutureAppointments(
  trx: Transaction<Database>,
  now: string,
  residentId: string,
): Promise<void> {
  const ahead = await trx
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .select(['a.id', 'a.slot_id'])
    .where('a.resident_id', '=', residentId)
    .where('a.status', '=', 'booked')
    .where('s.starts_at', '>', now)
    .execute()
  for (const { id, slot_id } of ahead) {
    const cancelled = await trx
      .updateTable('appointments')
      .set({ status: 'cancelled', cancelled_at: now })
      .where('id', '=', id)
      .where('status', '=', 'booked')
      .executeTakeFirst()
    if (Number(cancelled.numUpdatedRows) === 1) await releasePlace(trx, slot_id)
  }
}

/** Moves a booking to another slot in one transaction: never two places held, never both lost. */
export async function rescheduleAppointment(
  { db, clock }: BookingDeps,
  residentId: string,
  id: string,
  newSlotId: string,
): Promise<Appointment> {
  try {
    await db.transaction().execute(async (trx) => {
      const current = await getAppointment(trx, residentId, id)
      if (current.status !== 'booked' || current.startsAt <= clock.now().toISOString()) {
        throw new AppError('APPOINTMENT_NOT_ACTIVE')
      }
      if (current.slotId === newSlotId) return
      const slot = await bookableSlot(trx, clock, newSlotId)
      await refuseSecondBooking(trx, residentId, slot.service_id, slot.local_date, id)
      // Move the booking first, conditional on it being unchanged: this locks the row, so a racing
      // cancel or reschedule of the same booking waits and then finds nothing to do.
      const ticketNo =
        slot.service_id === current.serviceId && slot.local_date === (await localDateOf(trx, current.slotId))
          ? current.ticketNo
          : await nextTicketNo(trx, slot)
      const moved = await trx
        .updateTable('appointments')
        .set({
          slot_id: slot.id,
          service_id: slot.service_id,
          local_date: slot.local_date,
          ticket_no: ticketNo,
        })
        .where('id', '=', id)
        .where('status', '=', 'booked')
        .where('slot_id', '=', current.slotId)
        .executeTakeFirst()
      if (Number(moved.numUpdatedRows) !== 1) throw new AppError('APPOINTMENT_NOT_ACTIVE')
      await claimPlace(trx, slot.id)
      await releasePlace(trx, current.slotId)
    })
  } catch (error) {
    if (isUniqueViolation(error, 'appointments')) throw new AppError('ALREADY_BOOKED')
    throw error
  }
  return getAppointment(db, residentId, id)
}

async function localDateOf(trx: Transaction<Database>, slotId: string): Promise<string> {
  const row = await trx
    .selectFrom('slots')
    .select('local_date')
    .where('id', '=', slotId)
    .executeTakeFirstOrThrow()
  return row.local_date
}
