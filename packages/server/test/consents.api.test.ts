/**
 * Assisted service: a helper acts for a resident only with that resident's consent, within its
 * scopes and lifetime; every resident route refuses a helper without a grant; every step and
 * every delegated action is in the resident's audit trail.
 */
import { contract, type RouteName } from '@bangban/core/api'
import { verifyChain } from '../src/audit/log'
import {
  bearer,
  engines,
  residents,
  staffToken,
  startService,
  testDatabase,
  type TestDatabase,
} from './support/service'

type Started = Awaited<ReturnType<typeof startService>>

describe.each(engines)('consent grants on %s', (engine) => {
  let database: TestDatabase
  let service: Started
  let helper: string
  let otherHelper: string
  let resident: { id: string; token: string }

  beforeAll(async () => {
    database = testDatabase(engine)
    service = await startService(database)
    helper = await staffToken(service, 'H1001')
    otherHelper = await staffToken(service, 'H1002')
    resident = (await residents(service, 1, 800))[0]!
  })
  afterAll(async () => {
    await service.close()
    await database.drop()
  })

  const post = (url: string, token: string, payload?: object) =>
    service.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) })

  async function grant(scopes: string[], minutes?: number) {
    const created = await post('/api/v1/consents', helper, { scopes, ...(minutes ? { minutes } : {}) })
    expect(created.statusCode).toBe(201)
    const body = created.json() as { id: string; code: string; qrPayload: string; status: string }
    expect(body.status).toBe('pending')
    expect(body.code).toMatch(/^\d{6}$/)
    return body
  }

  async function approvedToken(scopes: string[], minutes?: number) {
    const { id, code } = await grant(scopes, minutes)
    expect((await post(`/api/v1/consents/${id}/approve`, resident.token, { code })).json().status).toBe(
      'approved',
    )
    const issued = await post(`/api/v1/consents/${id}/token`, helper)
    expect(issued.statusCode).toBe(201)
    return { id, token: issued.json().token as string }
  }

  it('refuses a helper on every resident route without a delegated token: 403 CONSENT_REQUIRED', async () => {
    const residentOnly = (Object.keys(contract) as RouteName[]).filter((name) => {
      const auth = contract[name].auth
      return auth === 'resident'
    })
    expect(residentOnly.length).toBeGreaterThan(8)
    for (const name of residentOnly) {
      const def = contract[name]
      const res = await service.app.inject({
        method: def.method,
        url: def.path.replace(':id', 'x1234567'),
        headers: bearer(helper),
        ...(def.method === 'POST' ? { payload: {} } : {}),
      })
      expect({ name, code: res.json().error?.code }).toEqual({ name, code: 'CONSENT_REQUIRED' })
    }
  })

  it('lets the helper act within the granted scopes only, with masked identifiers only', async () => {
    const { token } = await approvedToken(['booking'])
    const me = await service.app.inject({ url: '/api/v1/me', headers: bearer(token) })
    expect(me.statusCode).toBe(200)
    expect(me.json().id).toBe(resident.id)
    expect(me.body).not.toMatch(/\d{17}[\dX]/)
    const slots = (
      await service.app.inject({ url: '/api/v1/slots?serviceId=svc-general&date=2026-12-05' })
    ).json()
    const booked = await post('/api/v1/appointments', token, { slotId: slots[0].id })
    expect(booked.statusCode).toBe(201)
    const bills = await service.app.inject({ url: '/api/v1/bills', headers: bearer(token) })
    expect(bills.json().error.code).toBe('CONSENT_SCOPE')
    const request = await post('/api/v1/requests', token, {
      categoryId: 'cat-repair',
      description: '灯不亮',
      gridId: 'grid-xfl-1',
      contactPhone: '13912345678',
    })
    expect(request.json().error.code).toBe('CONSENT_SCOPE')
    // A delegated token can never answer consents as the resident.
    const another = await grant(['payment'])
    expect(
      (await post(`/api/v1/consents/${another.id}/approve`, token, { code: another.code })).json().error.code,
    ).toBe('CONSENT_SCOPE')
  })

  it('ends at expiry (controllable clock) and on revocation: 403 CONSENT_EXPIRED', async () => {
    const short = await approvedToken(['booking'], 5)
    service.clock.advance(5 * 60_000 + 1)
    try {
      expect(
        (await service.app.inject({ url: '/api/v1/appointments', headers: bearer(short.token) })).json().error
          .code,
      ).toBe('CONSENT_EXPIRED')
    } finally {
      service.clock.advance(-(5 * 60_000 + 1))
    }
    const byResident = await approvedToken(['booking'])
    expect((await post(`/api/v1/consents/${byResident.id}/revoke`, resident.token)).json().status).toBe(
      'revoked',
    )
    expect(
      (await service.app.inject({ url: '/api/v1/appointments', headers: bearer(byResident.token) })).json()
        .error.code,
    ).toBe('CONSENT_EXPIRED')
    const byHelper = await approvedToken(['booking'])
    expect((await post(`/api/v1/consents/${byHelper.id}/revoke`, helper)).json().status).toBe('revoked')
    expect(
      (await service.app.inject({ url: '/api/v1/appointments', headers: bearer(byHelper.token) })).statusCode,
    ).toBe(403)
  })

  it('needs the right code (limited tries) or the QR token, answers once, and lapses unanswered', async () => {
    const { id, code, qrPayload } = await grant(['request'])
    const wrong = code === '000000' ? '111111' : '000000'
    expect(
      (await post(`/api/v1/consents/${id}/approve`, resident.token, { code: wrong })).json().error.code,
    ).toBe('CODE_INVALID')
    expect((await post(`/api/v1/consents/${id}/token`, helper)).json().error.code).toBe('CONSENT_REQUIRED')
    const qrToken = new URL(qrPayload.replace('bangban://', 'https://x/')).searchParams.get('t')!
    const view = await service.app.inject({
      url: `/api/v1/consents/${id}?qrToken=${qrToken}`,
      headers: bearer(resident.token),
    })
    expect(view.json()).toMatchObject({
      status: 'pending',
      helper: { staffNo: 'H1001', maskedName: '张*办' },
      scopes: ['request'],
    })
    expect((await post(`/api/v1/consents/${id}/approve`, resident.token, { qrToken })).json().status).toBe(
      'approved',
    )
    expect((await post(`/api/v1/consents/${id}/deny`, resident.token, { qrToken })).json().error.code).toBe(
      'CONSENT_EXPIRED',
    )
    // Only the helper who asked can exchange it.
    expect((await post(`/api/v1/consents/${id}/token`, otherHelper)).statusCode).toBe(404)

    const lapsed = await grant(['booking'])
    service.clock.advance(10 * 60_000 + 1)
    try {
      expect(
        (await post(`/api/v1/consents/${lapsed.id}/approve`, resident.token, { code: lapsed.code })).json()
          .error.code,
      ).toBe('CONSENT_EXPIRED')
    } finally {
      service.clock.advance(-(10 * 60_000 + 1))
    }
    const locked = await grant(['booking'])
    const bad = locked.code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++)
      await post(`/api/v1/consents/${locked.id}/approve`, resident.token, { code: bad })
    expect(
      (await post(`/api/v1/consents/${locked.id}/approve`, resident.token, { code: locked.code })).json()
        .error.code,
    ).toBe('CODE_INVALID')
  })

  it('shows the resident what was done for them and by whom, and the chain verifies', async () => {
    const audit = (
      await service.app.inject({ url: '/api/v1/me/audit', headers: bearer(resident.token) })
    ).json() as Array<{ action: string; actor: { staffNo: string | null; maskedName: string | null } }>
    const actions = audit.map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'consent.approved',
        'consent.token-issued',
        'createAppointment',
        'me',
        'consent.revoked',
      ]),
    )
    expect(audit.find((e) => e.action === 'createAppointment')!.actor).toEqual({
      kind: 'staff',
      staffNo: 'H1001',
      maskedName: '张*办',
    } as never)
    const admin = await staffToken(service, 'A0001')
    const search = await service.app.inject({
      url: `/api/v1/admin/audit?residentId=${resident.id}&staffNo=H1001`,
      headers: bearer(admin),
    })
    expect(search.statusCode).toBe(200)
    expect((search.json() as unknown[]).length).toBeGreaterThan(3)
    expect(
      (await service.app.inject({ url: '/api/v1/admin/audit', headers: bearer(helper) })).statusCode,
    ).toBe(403)
    const check = await verifyChain(service.ctx.db)
    expect(check.problem).toBeNull()
    expect(check.entries).toBeGreaterThan(10)
  })
})

describe.each(engines)('cash at the counter for a resident, with a payment grant, on %s', (engine) => {
  it('records counter-cash for the resident’s medical bill, with change, and audits it', async () => {
    const { DEMO_RESIDENT } = await import('../src/seed/demo')
    const { residentByIdNumber } = await import('../src/auth/residents')
    const { createSession } = await import('../src/auth/sessions')
    const database = testDatabase(engine)
    const service = await startService(database)
    try {
      const helper = await staffToken(service, 'H1001')
      const row = await residentByIdNumber(
        service.ctx.db,
        service.ctx.clock,
        service.ctx.idPepper,
        DEMO_RESIDENT.name,
        DEMO_RESIDENT.idNumber,
      )
      const { token: residentToken } = await createSession(
        service.ctx.db,
        service.ctx.clock,
        row.id,
        'id-card',
        3600,
        null,
      )
      const post = (url: string, token: string, payload?: object, headers: Record<string, string> = {}) =>
        service.app.inject({
          method: 'POST',
          url,
          headers: { ...bearer(token), ...headers },
          ...(payload ? { payload } : {}),
        })

      // Without consent the medical bill is out of reach.
      const refused = await post(
        '/api/v1/payments',
        helper,
        { billIds: ['bill-med-1'], method: 'counter-cash', cashReceivedFen: 5000 },
        { 'idempotency-key': 'cash-key-0001' },
      )
      expect(refused.json().error.code).toBe('CONSENT_REQUIRED')

      const { id, code } = (await post('/api/v1/consents', helper, { scopes: ['payment'] })).json()
      await post(`/api/v1/consents/${id}/approve`, residentToken, { code })
      const { token } = (await post(`/api/v1/consents/${id}/token`, helper)).json()
      const bills = (
        await service.app.inject({ url: '/api/v1/bills', headers: bearer(token) })
      ).json() as Array<{ id: string; amountFen: number }>
      const medical = bills.find((b) => b.id === 'bill-med-1')!
      const paid = await post(
        '/api/v1/payments',
        token,
        { billIds: [medical.id], method: 'counter-cash', cashReceivedFen: 5000 },
        { 'idempotency-key': 'cash-key-0002' },
      )
      expect(paid.statusCode).toBe(201)
      expect(paid.json()).toMatchObject({
        status: 'paid',
        method: 'counter-cash',
        amountFen: medical.amountFen,
        cash: { receivedFen: 5000, changeFen: 5000 - medical.amountFen },
      })
      const audit = (
        await service.app.inject({ url: '/api/v1/me/audit', headers: bearer(residentToken) })
      ).json() as Array<{ action: string; grantId: string | null; target: string | null }>
      // The payment's line says it was cash, under this grant.
      expect(audit.filter((e) => e.grantId === id).map((e) => e.action)).toEqual(
        expect.arrayContaining(['createPayment.counter-cash', 'listBills', 'consent.approved']),
      )
      expect(audit.find((e) => e.action === 'createPayment.counter-cash')?.target).toBe(
        `${paid.json().id}?method=counter-cash`,
      )
    } finally {
      await service.close()
      await database.drop()
    }
  })
})
