/**
 * A slot is never over-booked and no place is lost, whatever the load: 200 simultaneous bookings
 * for 5 places, and cancels and reschedules racing with new bookings. On PostgreSQL the load is
 * split across two service instances sharing the database.
 */
import type { Slot } from '@bangban/core/api'
import { bearer, describeOnEngines, residents } from './support/service'

describeOnEngines('booking under contention', { instances: 2 }, (on) => {
  const instance = on.instance

  async function slotsOf(serviceId: string, date: string): Promise<Slot[]> {
    return (await instance(0).app.inject({ url: `/api/v1/slots?serviceId=${serviceId}&date=${date}` })).json()
  }

  async function bookedCount(slotId: string): Promise<number> {
    const row = await instance(0)
      .ctx.db.selectFrom('appointments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('slot_id', '=', slotId)
      .where('status', '=', 'booked')
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  it('200 simultaneous bookings by 200 residents for one slot of 5 → exactly 5 booked, 195 SLOT_FULL', async () => {
    const people = await residents(instance(0), 200)
    const [slot] = await slotsOf('svc-general', '2026-12-02')
    const results = await Promise.all(
      people.map((p, i) =>
        instance(i).app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          headers: bearer(p.token),
          payload: { slotId: slot!.id },
        }),
      ),
    )
    const statuses = results.map((r) => r.statusCode)
    expect(statuses.filter((s) => s === 201)).toHaveLength(5)
    expect(results.filter((r) => r.statusCode === 409 && r.json().error.code === 'SLOT_FULL')).toHaveLength(
      195,
    )
    expect((await slotsOf('svc-general', '2026-12-02'))[0]!.remaining).toBe(0)
    expect(await bookedCount(slot!.id)).toBe(5)
    const tickets = results.filter((r) => r.statusCode === 201).map((r) => r.json().ticketNo as string)
    expect(new Set(tickets).size).toBe(5)
  })

  it('20 simultaneous retries with one idempotency key → one appointment', async () => {
    const [p] = await residents(instance(0), 1, 300)
    const [slot] = await slotsOf('svc-tcm', '2026-12-02')
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        instance(i).app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          headers: { ...bearer(p!.token), 'idempotency-key': 'same-key-123456' },
          payload: { slotId: slot!.id },
        }),
      ),
    )
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201))
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1)
    expect(await bookedCount(slot!.id)).toBe(1)
  })

  it('cancels and reschedules racing with new bookings never over-fill a slot or lose a place', async () => {
    const holders = await residents(instance(0), 10, 400)
    const newcomers = await residents(instance(0), 30, 450)
    const day = await slotsOf('svc-dental', '2026-12-03')
    const [a, b, c] = day
    // 5 hold places in A, 5 in B.
    const held = await Promise.all(
      holders.map(async (p, i) => {
        const res = await instance(i).app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          headers: bearer(p.token),
          payload: { slotId: (i < 5 ? a : b)!.id },
        })
        expect(res.statusCode).toBe(201)
        return { ...p, appointmentId: res.json().id as string }
      }),
    )
    // At once: A's holders cancel, B's holders move to C, and 30 newcomers try A, B and C.
    const operations = [
      ...held.slice(0, 5).map((p, i) =>
        instance(i).app.inject({
          method: 'POST',
          url: `/api/v1/appointments/${p.appointmentId}/cancel`,
          headers: bearer(p.token),
        }),
      ),
      ...held.slice(5).map((p, i) =>
        instance(i + 1).app.inject({
          method: 'POST',
          url: `/api/v1/appointments/${p.appointmentId}/reschedule`,
          headers: bearer(p.token),
          payload: { slotId: c!.id },
        }),
      ),
      ...newcomers.map((p, i) =>
        instance(i).app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          headers: bearer(p.token),
          payload: { slotId: [a, b, c][i % 3]!.id },
        }),
      ),
    ]
    const results = await Promise.all(operations)
    for (const r of results) expect([200, 201, 409]).toContain(r.statusCode)

    for (const slot of [a!, b!, c!]) {
      const booked = await bookedCount(slot.id)
      const current = (await slotsOf('svc-dental', '2026-12-03')).find((s) => s.id === slot.id)!
      expect(booked).toBeLessThanOrEqual(5)
      // Every place is either free or held by exactly one live booking.
      expect(current.remaining + booked).toBe(5)
    }
  })
})
