import type { Slot } from '@bangban/core/api'
import { bearer, describeOnEngines, residents } from './support/service'

describeOnEngines('booking API', (on) => {
  async function slots(serviceId: string, date: string): Promise<Slot[]> {
    const res = await on.service.app.inject({ url: `/api/v1/slots?serviceId=${serviceId}&date=${date}` })
    expect(res.statusCode).toBe(200)
    return res.json()
  }

  it('lists the demo providers with their departments and services', async () => {
    const res = await on.service.app.inject({ url: '/api/v1/providers' })
    const providers = res.json() as Array<{ name: string; services: Array<{ name: string }> }>
    expect(providers.map((p) => p.name)).toEqual(['幸福里社区卫生服务中心', '幸福里社区服务站'])
    expect(providers[0]!.services.map((s) => s.name)).toEqual(['全科', '中医科', '口腔科'])
    expect(providers[1]!.services.map((s) => s.name)).toEqual(
      expect.arrayContaining(['老年证办理', '社保认证']),
    )
  })

  it('has half-hour slots 08:00–11:30 and 14:00–16:30 Shanghai time, capacity 5, for 14 days', async () => {
    const day = await slots('svc-general', '2026-12-02')
    expect(day).toHaveLength(12)
    expect(day[0]).toMatchObject({
      startsAt: '2026-12-02T00:00:00.000Z',
      endsAt: '2026-12-02T00:30:00.000Z',
      capacity: 5,
      remaining: 5,
    })
    expect(day[6]!.endsAt).toBe('2026-12-02T03:30:00.000Z')
    expect(day[7]!.startsAt).toBe('2026-12-02T06:00:00.000Z')
    expect(day[11]!.endsAt).toBe('2026-12-02T08:30:00.000Z')
    const availability = (
      await on.service.app.inject({ url: '/api/v1/availability?serviceId=svc-general' })
    ).json()
    expect(availability).toHaveLength(14)
    // At 08:00 the 08:00 slot has started: it no longer counts.
    expect(availability[0]).toEqual({ date: '2026-12-01', capacity: 55, remaining: 55 })
    expect(availability[1]).toEqual({ date: '2026-12-02', capacity: 60, remaining: 60 })
    expect(await slots('svc-general', '2026-12-15')).toEqual([])
  })

  it('books, refuses a second booking that day, lists, cancels (freeing the place) and rebooks', async () => {
    const [alice] = await residents(on.service, 1, 500)
    const [first, second] = await slots('svc-tcm', '2026-12-03')
    const booked = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: bearer(alice!.token),
      payload: { slotId: first!.id },
    })
    expect(booked.statusCode).toBe(201)
    expect(booked.json()).toMatchObject({
      slotId: first!.id,
      status: 'booked',
      ticketNo: 'B001',
      serviceName: '中医科',
      providerName: '幸福里社区卫生服务中心',
    })
    expect((await slots('svc-tcm', '2026-12-03'))[0]!.remaining).toBe(4)

    const again = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: bearer(alice!.token),
      payload: { slotId: second!.id },
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ALREADY_BOOKED')

    const mine = await on.service.app.inject({ url: '/api/v1/appointments', headers: bearer(alice!.token) })
    expect(mine.json()).toHaveLength(1)

    const id = booked.json().id as string
    const cancelled = await on.service.app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${id}/cancel`,
      headers: bearer(alice!.token),
    })
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' })
    expect((await slots('svc-tcm', '2026-12-03'))[0]!.remaining).toBe(5)
    const twice = await on.service.app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${id}/cancel`,
      headers: bearer(alice!.token),
    })
    expect(twice.json().error.code).toBe('APPOINTMENT_NOT_ACTIVE')
    expect((await slots('svc-tcm', '2026-12-03'))[0]!.remaining).toBe(5)

    const rebooked = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: bearer(alice!.token),
      payload: { slotId: second!.id },
    })
    expect(rebooked.statusCode).toBe(201)
    expect(rebooked.json().ticketNo).toBe('B002')
  })

  it('replays a retry with the same Idempotency-Key and refuses the key with another body', async () => {
    const [bob] = await residents(on.service, 1, 501)
    const [first, second] = await slots('svc-dental', '2026-12-04')
    const headers = { ...bearer(bob!.token), 'idempotency-key': 'retry-key-0001' }
    const a = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers,
      payload: { slotId: first!.id },
    })
    const b = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers,
      payload: { slotId: first!.id },
    })
    expect(a.statusCode).toBe(201)
    expect(b.statusCode).toBe(201)
    expect(b.json().id).toBe(a.json().id)
    expect((await slots('svc-dental', '2026-12-04'))[0]!.remaining).toBe(4)
    const other = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers,
      payload: { slotId: second!.id },
    })
    expect(other.json().error.code).toBe('IDEMPOTENCY_CONFLICT')
    const bad = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { ...headers, 'idempotency-key': 'x' },
      payload: { slotId: first!.id },
    })
    expect(bad.statusCode).toBe(400)
  })

  it('reschedules atomically, and a full target keeps the old place', async () => {
    const people = await residents(on.service, 6, 510)
    const [from, to] = await slots('svc-senior-card', '2026-12-05')
    for (const p of people.slice(0, 5)) {
      const res = await on.service.app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        headers: bearer(p.token),
        payload: { slotId: to!.id },
      })
      expect(res.statusCode).toBe(201)
    }
    const last = people[5]!
    const mine = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: bearer(last.token),
      payload: { slotId: from!.id },
    })
    const id = mine.json().id as string
    const full = await on.service.app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${id}/reschedule`,
      headers: bearer(last.token),
      payload: { slotId: to!.id },
    })
    expect(full.json().error.code).toBe('SLOT_FULL')
    const after = await slots('svc-senior-card', '2026-12-05')
    expect(after[0]!.remaining).toBe(4)
    expect(after[1]!.remaining).toBe(0)

    const third = after[2]!
    const moved = await on.service.app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${id}/reschedule`,
      headers: bearer(last.token),
      payload: { slotId: third.id },
    })
    expect(moved.statusCode).toBe(200)
    expect(moved.json()).toMatchObject({ slotId: third.id, status: 'booked' })
    const final = await slots('svc-senior-card', '2026-12-05')
    expect(final[0]!.remaining).toBe(5)
    expect(final[2]!.remaining).toBe(4)
  })

  it('does not book a slot that has started, nor let one resident touch another one’s booking', async () => {
    const [carol, dave] = await residents(on.service, 2, 520)
    const today = await slots('svc-pension-cert', '2026-12-01')
    const res = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: bearer(carol!.token),
      payload: { slotId: today[0]!.id },
    })
    const id = res.json().id as string
    on.service.clock.advance(30 * 60_000 + 1)
    try {
      const late = await on.service.app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        headers: bearer(dave!.token),
        payload: { slotId: today[0]!.id },
      })
      expect(late.json().error.code).toBe('SLOT_NOT_BOOKABLE')
    } finally {
      on.service.clock.advance(-(30 * 60_000 + 1))
    }
    const theft = await on.service.app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${id}/cancel`,
      headers: bearer(dave!.token),
    })
    expect(theft.statusCode).toBe(404)
  })

  it('requires a valid bearer token', async () => {
    expect((await on.service.app.inject({ url: '/api/v1/appointments' })).json().error.code).toBe(
      'UNAUTHENTICATED',
    )
    const res = await on.service.app.inject({
      url: '/api/v1/appointments',
      headers: { authorization: 'Bearer not-a-real-token-at-all' },
    })
    expect(res.statusCode).toBe(401)
  })
})
