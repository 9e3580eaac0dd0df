/**
 * The operators' dashboard from data made through the API (bookings, payments, requests) at known
 * times: every count is exact, the day is Shanghai's, overdue requests come first, and only admins
 * may look.
 */
import type { AdminDashboard, Payment, ServiceRequest, Slot } from '@bangban/core/api'
import { DEMO_RESIDENT } from '../src/seed/demo'
import { residentByIdNumber } from '../src/auth/residents'
import { createSession } from '../src/auth/sessions'
import { bearer, describeOnEngines, KIOSK_KEY, residents, staffToken, TEST_NOW } from './support/service'

const HOUR = 3600_000

describeOnEngines('operators dashboard', (on) => {
  const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    on.service.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })
  const at = (iso: string | number) => on.service.clock.set(new Date(iso))

  async function book(token: string, serviceId: string, date: string): Promise<string> {
    const slots = (
      await inject('GET', `/api/v1/slots?serviceId=${serviceId}&date=${date}`, {})
    ).json() as Slot[]
    const free = slots.find(
      (s) => s.remaining > 0 && Date.parse(s.startsAt) > on.service.clock.now().getTime(),
    )
    const res = await inject('POST', '/api/v1/appointments', bearer(token), { slotId: free!.id })
    expect(res.statusCode).toBe(201)
    return res.json().id as string
  }

  async function pay(headers: Record<string, string>, payload: object): Promise<Payment> {
    const res = await inject('POST', '/api/v1/payments', headers, payload)
    expect(res.statusCode).toBe(201)
    return res.json() as Payment
  }

  async function confirm(id: string, helper: string): Promise<void> {
    const res = await inject('POST', `/api/v1/staff/payments/${id}/sandbox-confirm`, bearer(helper))
    expect(res.json()).toMatchObject({ status: 'paid' })
  }

  async function report(token: string, categoryId: string, gridId: string): Promise<ServiceRequest> {
    const res = await inject('POST', '/api/v1/requests', bearer(token), {
      categoryId,
      gridId,
      description: 'dashboard test',
      contactPhone: '13800001111',
    })
    expect(res.statusCode).toBe(201)
    return res.json() as ServiceRequest
  }

  /** The grid worker a request was dispatched to, signed in. */
  async function assigneeOf(requestId: string): Promise<string> {
    const row = await on.service.ctx.db
      .selectFrom('service_requests as q')
      .innerJoin('staff as s', 's.id', 'q.assignee_staff_id')
      .select('s.staff_no')
      .where('q.id', '=', requestId)
      .executeTakeFirstOrThrow()
    return staffToken(on.service, row.staff_no)
  }

  it('counts today’s appointments, payments and open requests exactly; admins only', async () => {
    const people = await residents(on.service, 8, 900)
    const tokens = people.map((p) => p.token)
    const demoRow = await residentByIdNumber(
      on.service.ctx.db,
      on.service.clock,
      on.service.ctx.idPepper,
      DEMO_RESIDENT.name,
      DEMO_RESIDENT.idNumber,
    )
    const helper = await staffToken(on.service, 'H1001')
    const now = Date.parse(TEST_NOW) // 2026-12-01 08:00 in Shanghai

    // Requests: one submitted 30 hours ago with a 24-hour limit (overdue), one 2 hours ago (not
    // yet due) in the same grid and accepted; one in grid 2 resolved in 90 minutes (not open).
    at(now - 30 * HOUR)
    const late = await report(tokens[0]!, 'cat-consultation', 'grid-xfl-1')
    const done = await report(tokens[1]!, 'cat-consultation', 'grid-xfl-2')
    at(now - 30 * HOUR + 90 * 60_000)
    const worker2 = await assigneeOf(done.id)
    expect(
      (await inject('POST', `/api/v1/staff/requests/${done.id}/accept`, bearer(worker2))).statusCode,
    ).toBe(200)
    expect(
      (
        await inject('POST', `/api/v1/staff/requests/${done.id}/resolve`, bearer(worker2), {
          note: 'answered',
        })
      ).statusCode,
    ).toBe(200)
    at(now - 2 * HOUR)
    const fresh = await report(tokens[2]!, 'cat-repair', 'grid-xfl-1')
    at(now - 1 * HOUR)
    const worker1 = await assigneeOf(fresh.id)
    expect(
      (await inject('POST', `/api/v1/staff/requests/${fresh.id}/accept`, bearer(worker1))).statusCode,
    ).toBe(200)

    // A payment settled late yesterday (23:30 in Shanghai) is not today's.
    at('2026-11-30T15:30:00.000Z')
    const yesterday = await pay(
      { 'x-kiosk-key': KIOSK_KEY },
      { billIds: ['bill-w1000002-1'], method: 'wechat-native' },
    )
    await confirm(yesterday.id, helper)

    at(now)
    const demo = (
      await createSession(
        on.service.ctx.db,
        on.service.clock,
        demoRow.id,
        'wechat',
        3600,
        null,
        'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      )
    ).token
    // Today: a QR payment and a mini-program payment confirmed, cash at the counter, one left pending.
    const native = await pay(bearer(demo), { billIds: ['bill-w1000001-1'], method: 'wechat-native' })
    const jsapi = await pay(bearer(demo), {
      billIds: ['bill-p4000001-1'],
      method: 'wechat-jsapi',
    })
    await pay(bearer(helper), { billIds: ['bill-g3000001-1'], method: 'counter-cash', cashReceivedFen: 5000 })
    await pay(bearer(demo), { billIds: ['bill-e2000001-1'], method: 'wechat-native' })
    await confirm(native.id, helper)
    await confirm(jsapi.id, helper)

    // Appointments today: three 全科, one 中医科, one booked and cancelled; one 全科 tomorrow.
    for (const token of tokens.slice(0, 3)) await book(token, 'svc-general', '2026-12-01')
    await book(tokens[3]!, 'svc-tcm', '2026-12-01')
    const cancelled = await book(tokens[4]!, 'svc-dental', '2026-12-01')
    expect(
      (await inject('POST', `/api/v1/appointments/${cancelled}/cancel`, bearer(tokens[4]!))).statusCode,
    ).toBe(200)
    await book(tokens[5]!, 'svc-general', '2026-12-02')

    const admin = await staffToken(on.service, 'A0001')
    const res = await inject('GET', '/api/v1/admin/dashboard', bearer(admin))
    expect(res.statusCode).toBe(200)
    const board = res.json() as AdminDashboard
    expect(board.date).toBe('2026-12-01')
    expect(board.asOf).toBe(TEST_NOW)
    expect(board.appointments).toEqual({
      total: 4,
      byDepartment: [
        {
          serviceId: 'svc-general',
          serviceName: '全科',
          providerName: expect.any(String),
          kind: 'department',
          booked: 3,
        },
        {
          serviceId: 'svc-tcm',
          serviceName: '中医科',
          providerName: expect.any(String),
          kind: 'department',
          booked: 1,
        },
        {
          serviceId: 'svc-dental',
          serviceName: '口腔科',
          providerName: expect.any(String),
          kind: 'department',
          booked: 0,
        },
        {
          serviceId: 'svc-senior-card',
          serviceName: '老年证办理',
          providerName: expect.any(String),
          kind: 'service',
          booked: 0,
        },
        {
          serviceId: 'svc-pension-cert',
          serviceName: '社保认证',
          providerName: expect.any(String),
          kind: 'service',
          booked: 0,
        },
      ],
    })
    expect(board.payments).toEqual({
      count: 3,
      totalFen: 3650 + 36000 + 4500,
      byMethod: [
        { method: 'wechat-native', count: 1, totalFen: 3650 },
        { method: 'wechat-jsapi', count: 1, totalFen: 36000 },
        { method: 'counter-cash', count: 1, totalFen: 4500 },
      ],
    })
    expect(board.openRequests.total).toBe(2)
    expect(board.openRequests.overdue).toBe(1)
    expect(board.openRequests.byGrid.map((g) => [g.gridId, g.open, g.overdue])).toEqual([
      ['grid-xfl-1', 2, 1],
      ['grid-xfl-2', 0, 0],
      ['grid-xfl-3', 0, 0],
    ])
    const grid1 = board.openRequests.byGrid[0]!.requests
    expect(grid1.map((r) => [r.requestNo, r.overdue, r.status])).toEqual([
      [late.requestNo, true, 'dispatched'],
      [fresh.requestNo, false, 'accepted'],
    ])
    expect(grid1[0]).toMatchObject({
      categoryName: '政策咨询',
      dueAt: new Date(now - 6 * HOUR).toISOString(),
    })
    expect(grid1[1]!.assigneeMaskedName).toMatch(/^.\*.$/)
    // Three requests in the last 30 days: two answered, one resolved after 90 minutes.
    expect(board.requests).toMatchObject({ total: 3, responded: 2, resolved: 1, medianHandlingMinutes: 90 })
    expect(board.requests.responseRate).toBeCloseTo(2 / 3, 9)
    expect(board.requests.to).toBe(TEST_NOW)
    // Nothing personal: no full names, ID or phone numbers.
    const text = JSON.stringify(board)
    expect(text).not.toMatch(/1[3-9]\d{9}/)
    expect(text).not.toContain(DEMO_RESIDENT.name)
    expect(text).not.toContain('dashboard test')

    // A request overdue by more comes before one overdue by less, and being overdue is "as of now".
    at(now + 47 * HOUR)
    const again = await staffToken(on.service, 'A0001')
    const later = (await inject('GET', '/api/v1/admin/dashboard', bearer(again))).json() as AdminDashboard
    expect(later.date).toBe('2026-12-03')
    expect(later.openRequests.byGrid[0]!.requests.map((r) => [r.requestNo, r.overdue])).toEqual([
      [late.requestNo, true],
      [fresh.requestNo, true],
    ])
    expect(later.appointments.total).toBe(0)
    expect(later.payments).toMatchObject({ count: 0, totalFen: 0 })
    at(now)
  })

  it('refuses everyone but admins', async () => {
    const [resident] = await residents(on.service, 1, 950)
    const url = '/api/v1/admin/dashboard'
    expect((await inject('GET', url, {})).statusCode).toBe(401)
    expect((await inject('GET', url, bearer(resident!.token))).statusCode).toBe(401)
    for (const staffNo of ['H1001', 'G2001']) {
      const res = await inject('GET', url, bearer(await staffToken(on.service, staffNo)))
      expect(res.statusCode).toBe(403)
      expect(res.json().error.code).toBe('FORBIDDEN')
    }
    expect((await inject('GET', url, { 'x-kiosk-key': KIOSK_KEY })).statusCode).toBe(401)
  })
})
