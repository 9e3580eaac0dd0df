/** 取号 at the kiosks and 叫号 by helpers: in order, never the same person twice, on both engines. */
import { bearer, describeOnEngines, KIOSK_KEY, staffToken } from './support/service'

describeOnEngines('counter queue', { instances: 2 }, (on) => {
  const take = (i: number) =>
    on.instance(i).app.inject({
      method: 'POST',
      url: '/api/v1/queue/tickets',
      headers: { 'x-kiosk-key': KIOSK_KEY },
    })

  it('numbers tickets in order, calls each waiting number exactly once, then says nobody is waiting', async () => {
    const taken = await Promise.all(Array.from({ length: 12 }, (_, i) => take(i)))
    expect(taken.map((r) => r.statusCode)).toEqual(Array(12).fill(201))
    const numbers = taken.map((r) => r.json().ticketNo as string).sort()
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `H${String(i + 1).padStart(3, '0')}`))
    expect(taken.map((r) => r.json().waitingAhead).sort((a, b) => a - b)[0]).toBe(0)

    const helpers = [await staffToken(on.service, 'H1001'), await staffToken(on.service, 'H1002')]
    const calls = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        on.instance(i).app.inject({
          method: 'POST',
          url: '/api/v1/queue/call-next',
          headers: bearer(helpers[i % 2]!),
          payload: { windowNo: (i % 2) + 1 },
        }),
      ),
    )
    const called = calls.filter((r) => r.statusCode === 200).map((r) => r.json().ticketNo as string)
    expect(called.sort()).toEqual(numbers)
    expect(
      calls.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'QUEUE_EMPTY'),
    ).toBe(true)

    const status = (await on.service.app.inject({ url: '/api/v1/queue' })).json()
    expect(status.waiting).toBe(0)
    expect(status.calls[0]).toMatchObject({
      ticketNo: expect.stringMatching(/^H\d{3}$/),
      windowNo: expect.any(Number),
    })
  })

  it('takes numbers only at a kiosk and calls them only as a helper', async () => {
    expect((await on.service.app.inject({ method: 'POST', url: '/api/v1/queue/tickets' })).statusCode).toBe(
      401,
    )
    const gridWorker = await staffToken(on.service, 'G2001')
    expect(
      (
        await on.service.app.inject({
          method: 'POST',
          url: '/api/v1/queue/call-next',
          headers: bearer(gridWorker),
          payload: { windowNo: 1 },
        })
      ).statusCode,
    ).toBe(403)
  })

  it('gives a waiting number back only from the kiosk that took it; the queue skips it', async () => {
    const helper = await staffToken(on.service, 'H1001')
    const cancel = (id: string, headers: Record<string, string> = { 'x-kiosk-key': KIOSK_KEY }) =>
      on.service.app.inject({ method: 'DELETE', url: `/api/v1/queue/tickets/${id}`, headers })
    const first = (await take(0)).json()
    const second = (await take(1)).json()
    expect(first.id).toEqual(expect.any(String))
    const before = (await on.service.app.inject({ url: '/api/v1/queue' })).json().waiting

    expect((await cancel(first.id, {})).statusCode).toBe(401)
    expect((await cancel('que_nobody')).json().error.code).toBe('NOT_FOUND')
    expect((await cancel(first.id)).statusCode).toBe(204)
    // Again: still 204 (it is given back), and the count does not drop twice.
    expect((await cancel(first.id)).statusCode).toBe(204)
    expect((await on.service.app.inject({ url: '/api/v1/queue' })).json().waiting).toBe(before - 1)

    // The next call skips the cancelled number; a called number cannot be given back.
    const called = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/queue/call-next',
      headers: bearer(helper),
      payload: { windowNo: 1 },
    })
    expect(called.json().ticketNo).toBe(second.ticketNo)
    expect((await cancel(second.id)).statusCode).toBe(204)
    const row = await on.service.ctx.db
      .selectFrom('queue_tickets')
      .select('status')
      .where('id', '=', second.id)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('called')
  })
})
