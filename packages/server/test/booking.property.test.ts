/**
 * Property test of the booking rules against a simple model: capacity, one live booking per
 * resident, service and day, and reschedule atomicity. Random sequences of book / cancel /
 * reschedule run on the real service and on the model; every outcome and every count must agree.
 */
import fc from 'fast-check'
import { bookAppointment, cancelAppointment, rescheduleAppointment } from '../src/booking/appointments'
import { AppError } from '../src/util/errors'
import { describeOnEngines, residents } from './support/service'

interface ModelSlot {
  id: string
  service: string
  day: string
  capacity: number
}
type Op =
  | { kind: 'book'; r: number; s: number }
  | { kind: 'cancel'; r: number; a: number }
  | { kind: 'move'; r: number; a: number; s: number }

const CAPACITY = 2

class Model {
  readonly live = new Map<string, { resident: number; slot: number }>()
  constructor(readonly slots: ModelSlot[]) {}
  booked(slot: number) {
    return [...this.live.values()].filter((a) => a.slot === slot).length
  }
  hasSameDay(resident: number, slot: number, except?: string) {
    const target = this.slots[slot]!
    return [...this.live.entries()].some(
      ([id, a]) =>
        id !== except &&
        a.resident === resident &&
        this.slots[a.slot]!.service === target.service &&
        this.slots[a.slot]!.day === target.day,
    )
  }
}

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('book' as const), r: fc.nat(3), s: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), r: fc.nat(3), a: fc.nat(5) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('move' as const), r: fc.nat(3), a: fc.nat(5), s: fc.nat(3) }),
  },
)

describeOnEngines('booking rules against a model', (on) => {
  let people: Array<{ id: string }>
  let slots: ModelSlot[]

  beforeAll(async () => {
    people = await residents(on.service, 4, 700)
    const pick = async (serviceId: string, day: string, index: number) => {
      const row = await on.service.ctx.db
        .selectFrom('slots')
        .selectAll()
        .where('service_id', '=', serviceId)
        .where('local_date', '=', day)
        .orderBy('starts_at')
        .offset(index)
        .limit(1)
        .executeTakeFirstOrThrow()
      return { id: row.id, service: serviceId, day, capacity: CAPACITY }
    }
    slots = [
      await pick('svc-general', '2026-12-06', 0),
      await pick('svc-general', '2026-12-06', 1),
      await pick('svc-tcm', '2026-12-06', 0),
      await pick('svc-general', '2026-12-07', 0),
    ]
  })

  async function reset() {
    const db = on.service.ctx.db
    await db.deleteFrom('idempotency_keys').execute()
    await db
      .deleteFrom('appointments')
      .where(
        'slot_id',
        'in',
        slots.map((s) => s.id),
      )
      .execute()
    await db
      .updateTable('slots')
      .set({ capacity: CAPACITY, remaining: CAPACITY })
      .where(
        'id',
        'in',
        slots.map((s) => s.id),
      )
      .execute()
  }

  const outcome = async (run: () => Promise<{ id: string }>): Promise<string> => {
    try {
      return `ok:${(await run()).id}`
    } catch (error) {
      if (error instanceof AppError) return error.code
      throw error
    }
  }

  it('agrees with the model on every outcome and every free-place count', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 8, maxLength: 40 }), async (ops) => {
        await reset()
        const model = new Model(slots)
        const ids: string[][] = people.map(() => [])
        for (const o of ops) {
          const resident = people[o.r]!.id
          if (o.kind === 'book') {
            const expected =
              model.booked(o.s) >= CAPACITY
                ? 'SLOT_FULL'
                : model.hasSameDay(o.r, o.s)
                  ? 'ALREADY_BOOKED'
                  : 'ok'
            const got = await outcome(() => bookAppointment(on.service.ctx, resident, slots[o.s]!.id))
            if (expected === 'ok') {
              expect(got.startsWith('ok:')).toBe(true)
              const id = got.slice(3)
              model.live.set(id, { resident: o.r, slot: o.s })
              ids[o.r]!.push(id)
            } else {
              // The service checks "already booked" before capacity; the model says which rule applies first.
              expect(got).toBe(model.hasSameDay(o.r, o.s) ? 'ALREADY_BOOKED' : expected)
            }
          } else {
            const id = ids[o.r]![o.a % Math.max(1, ids[o.r]!.length)]
            if (!id) continue
            const live = model.live.get(id)
            if (o.kind === 'cancel') {
              const got = await outcome(() => cancelAppointment(on.service.ctx, resident, id))
              expect(got).toBe(live ? `ok:${id}` : 'APPOINTMENT_NOT_ACTIVE')
              model.live.delete(id)
            } else {
              const got = await outcome(() =>
                rescheduleAppointment(on.service.ctx, resident, id, slots[o.s]!.id),
              )
              let expected: string
              if (!live) expected = 'APPOINTMENT_NOT_ACTIVE'
              else if (live.slot === o.s) expected = `ok:${id}`
              else if (model.hasSameDay(o.r, o.s, id)) expected = 'ALREADY_BOOKED'
              else if (model.booked(o.s) >= CAPACITY) expected = 'SLOT_FULL'
              else expected = `ok:${id}`
              expect(got).toBe(expected)
              if (live && expected.startsWith('ok:')) live.slot = o.s
            }
          }
          const rows = await on.service.ctx.db
            .selectFrom('slots')
            .select(['id', 'remaining'])
            .where(
              'id',
              'in',
              slots.map((s) => s.id),
            )
            .execute()
          for (const [index, slot] of slots.entries()) {
            expect(rows.find((r) => r.id === slot.id)!.remaining).toBe(CAPACITY - model.booked(index))
          }
        }
      }),
      { numRuns: on.engine === 'sqlite' ? 60 : 25 },
    )
  })
})
