/** Bills and payments through the API with the demo sandbox provider (no WeChat Pay configured). */
import type { AuditEntryView, Bill, Payment } from '@bangban/core/api'
import { residentByIdNumber } from '../src/auth/residents'
import { createSession } from '../src/auth/sessions'
import { DEMO_RESIDENT } from '../src/seed/demo'
import {
  bearer,
  engines,
  withWechat,
  KIOSK_KEY,
  residents,
  staffToken,
  startService,
  testDatabase,
  type TestDatabase,
} from './support/service'

type Started = Awaited<ReturnType<typeof startService>>

describe.each(engines)('bills and payments (sandbox) on %s', (engine) => {
  let database: TestDatabase
  let service: Started
  let demo: string
  let demoId: string
  let helper: string
  let admin: string
  let gridWorker: string

  beforeAll(async () => {
    database = testDatabase(engine)
    service = await startService(database)
    const row = await residentByIdNumber(
      service.ctx.db,
      service.clock,
      service.ctx.idPepper,
      DEMO_RESIDENT.name,
      DEMO_RESIDENT.idNumber,
    )
    demoId = row.id
    demo = (await createSession(service.ctx.db, service.clock, row.id, 'id-card', 3600, null)).token
    helper = await staffToken(service, 'H1001')
    admin = await staffToken(service, 'A0001')
    gridWorker = await staffToken(service, 'G2001')
  })
  afterAll(async () => {
    await service.close()
    await database.drop()
  })

  const get = (url: string, headers: Record<string, string> = {}) => service.app.inject({ url, headers })
  const pay = (headers: Record<string, string>, payload: object) =>
    service.app.inject({ method: 'POST', url: '/api/v1/payments', headers, payload })
  const confirm = (id: string, token = helper) =>
    service.app.inject({
      method: 'POST',
      url: `/api/v1/staff/payments/${id}/sandbox-confirm`,
      headers: bearer(token),
    })
  const billStatus = async (id: string) =>
    (await service.ctx.db.selectFrom('bills').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
      .status

  it("lists the demo resident's linked accounts and medical bills, masked, lines adding up", async () => {
    const res = await get('/api/v1/bills', bearer(demo))
    expect(res.statusCode).toBe(200)
    const bills = res.json() as Bill[]
    expect(new Set(bills.map((b) => b.accountNo))).toEqual(
      new Set(['W1000001', 'E2000001', 'G3000001', 'P4000001', null]),
    )
    expect(bills.filter((b) => b.kind === 'medical')).toHaveLength(2)
    for (const bill of bills) {
      expect(bill.lines.reduce((sum, l) => sum + l.amountFen, 0)).toBe(bill.amountFen)
      expect(bill.holderMaskedName).toBe('王*明')
      if (bill.kind === 'medical')
        expect(bill).toMatchObject({ holderMaskedAddress: null, payee: '幸福里社区卫生服务中心' })
      else
        expect(bill).toMatchObject({
          holderMaskedAddress: '幸福里小区 3 号楼 * 单元 *** 室',
          payee: '幸福里便民缴费代收点',
        })
      expect(bill.status).toBe('unpaid')
    }
    expect(JSON.stringify(bills)).not.toContain('王小明')
    expect(bills.find((b) => b.accountNo === 'W1000002')).toBeUndefined()
  })

  it('looks an account up at a kiosk, forgiving case and spaces; refuses unknown accounts and callers', async () => {
    const res = await get('/api/v1/bills?accountNo=%20w1000002%20', { 'x-kiosk-key': KIOSK_KEY })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual([
      expect.objectContaining({
        accountNo: 'W1000002',
        amountFen: 2190,
        // The household, so the resident can check it is theirs before paying; masked, so an
        // account number typed by anyone does not give away who lives where.
        holderMaskedName: '李*兰',
        holderMaskedAddress: '幸福里小区 5 号楼 * 单元 *** 室',
        payee: '幸福里便民缴费代收点',
      }),
    ])
    expect(res.body).not.toContain('302')
    const unknown = await get('/api/v1/bills?accountNo=W9999999', {
      'x-kiosk-key': KIOSK_KEY,
      'accept-language': 'en',
    })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error).toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
      message: expect.stringMatching(/account/),
    })
    expect((await get('/api/v1/bills?accountNo=W1000002')).statusCode).toBe(401)
    expect((await get('/api/v1/bills', { 'x-kiosk-key': KIOSK_KEY })).json().error.code).toBe(
      'VALIDATION_FAILED',
    )
    expect((await get('/api/v1/bills?accountNo=W1000002', bearer(gridWorker))).json().error.code).toBe(
      'FORBIDDEN',
    )
    expect((await get('/api/v1/bills?accountNo=W1000002', bearer(helper))).statusCode).toBe(200)
    expect(
      (await get('/api/v1/bills?accountNo=W1000002', { 'x-kiosk-key': 'wrong-key-0123456789' })).statusCode,
    ).toBe(401)
  })

  it('creates one open payment per bill: asking again, or a family member asking, returns it', async () => {
    const [family] = await residents(service, 1, 700)
    const first = await pay(bearer(demo), { billIds: ['bill-e2000001-1'], method: 'wechat-native' })
    expect(first.statusCode).toBe(201)
    const payment = first.json() as Payment
    expect(payment).toMatchObject({
      status: 'pending',
      provider: 'sandbox',
      method: 'wechat-native',
      amountFen: 12840,
      billIds: ['bill-e2000001-1'],
      codeUrl: `bangban-sandbox://pay/${payment.id}`,
      paidAt: null,
    })
    const again = await pay(bearer(demo), { billIds: ['bill-e2000001-1'], method: 'wechat-native' })
    const theirs = await pay(bearer(family!.token), { billIds: ['bill-e2000001-1'], method: 'wechat-native' })
    const kiosk = await pay(
      { 'x-kiosk-key': KIOSK_KEY },
      { billIds: ['bill-e2000001-1'], method: 'wechat-native' },
    )
    expect([again, theirs, kiosk].map((r) => r.json().id)).toEqual([payment.id, payment.id, payment.id])
    const bills = (await get('/api/v1/bills', bearer(demo))).json() as Bill[]
    expect(bills.find((b) => b.id === 'bill-e2000001-1')!.openPaymentId).toBe(payment.id)
    // The family member may poll it; nobody else sees it.
    expect((await get(`/api/v1/payments/${payment.id}`, bearer(family!.token))).statusCode).toBe(200)

    // The sandbox never pays by itself: only a member of staff confirms.
    expect((await get(`/api/v1/payments/${payment.id}`, bearer(demo))).json().status).toBe('pending')
    expect((await confirm(payment.id, demo)).statusCode).toBe(401)
    expect((await confirm(payment.id, gridWorker)).statusCode).toBe(403)
    const paid = await confirm(payment.id)
    expect(paid.json()).toMatchObject({ status: 'paid', codeUrl: null })
    expect(await billStatus('bill-e2000001-1')).toBe('paid')
    expect((await confirm(payment.id, admin)).json().status).toBe('paid')
    const events = await service.ctx.db
      .selectFrom('payment_events')
      .select('kind')
      .where('payment_id', '=', payment.id)
      .where('kind', '=', 'paid')
      .execute()
    expect(events).toHaveLength(1)
    const twice = await pay(bearer(demo), { billIds: ['bill-e2000001-1'], method: 'wechat-native' })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.code).toBe('BILL_ALREADY_PAID')
  })

  it('pays several bills in one payment for their total, and refuses if any is paid', async () => {
    // The demo resident, signed in with their linked WeChat this time.
    const inWechat = (await createSession(service.ctx.db, service.clock, demoId, 'id-card', 3600, null)).token
    const res = await pay(bearer(await withWechat(service, inWechat, 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')), {
      billIds: ['bill-g3000001-1', 'bill-p4000001-1', 'bill-g3000001-1'],
      method: 'wechat-jsapi',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      amountFen: 4500 + 36000,
      billIds: ['bill-g3000001-1', 'bill-p4000001-1'],
      codeUrl: null,
      requestPayment: expect.objectContaining({ package: expect.stringMatching(/^prepay_id=/) }),
    })
    const before = await service.ctx.db.selectFrom('payments').select('id').execute()
    const mixed = await pay(bearer(demo), {
      billIds: ['bill-g3000001-1', 'bill-e2000001-1'],
      method: 'wechat-native',
    })
    expect(mixed.json().error.code).toBe('BILL_ALREADY_PAID')
    // A number to read out over the phone: P, the Shanghai day, four digits; one per payment.
    const numbers = (await service.ctx.db.selectFrom('payments').select('payment_no').execute()).map(
      (p) => p.payment_no,
    )
    for (const no of numbers) expect(no).toMatch(/^P\d{6}-\d{4}$/)
    expect(new Set(numbers).size).toBe(numbers.length)
    expect(res.json().paymentNo).toMatch(/^P\d{6}-\d{4}$/)
    expect(await service.ctx.db.selectFrom('payments').select('id').execute()).toHaveLength(before.length)
  })

  it('lets each caller pay only in its own ways, and only bills it may pay', async () => {
    const kiosk = { 'x-kiosk-key': KIOSK_KEY }
    const cases: Array<[Record<string, string>, object, number, string]> = [
      [kiosk, { billIds: ['bill-w1000001-1'], method: 'wechat-jsapi' }, 403, 'PAYMENT_METHOD_NOT_ALLOWED'],
      [
        bearer(demo),
        { billIds: ['bill-w1000001-1'], method: 'counter-cash', cashReceivedFen: 5000 },
        403,
        'PAYMENT_METHOD_NOT_ALLOWED',
      ],
      [
        bearer(helper),
        { billIds: ['bill-w1000001-1'], method: 'wechat-native' },
        403,
        'PAYMENT_METHOD_NOT_ALLOWED',
      ],
      // Paying in WeChat needs a WeChat behind the session (the service never takes an openid from the phone).
      [bearer(demo), { billIds: ['bill-w1000001-1'], method: 'wechat-jsapi' }, 403, 'WECHAT_LINK_REQUIRED'],
      [
        bearer(demo),
        { billIds: ['bill-w1000001-1'], method: 'wechat-jsapi', payerOpenid: 'oUpF8uMuAJO_M2px' },
        400,
        'VALIDATION_FAILED',
      ],
      [{}, { billIds: ['bill-w1000001-1'], method: 'wechat-jsapi' }, 401, 'UNAUTHENTICATED'],
      [bearer(helper), { billIds: ['bill-w1000001-1'], method: 'counter-cash' }, 400, 'VALIDATION_FAILED'],
      [kiosk, { billIds: ['bill-med-1'], method: 'wechat-native' }, 404, 'NOT_FOUND'],
      [
        bearer(helper),
        { billIds: ['bill-med-1'], method: 'counter-cash', cashReceivedFen: 99999 },
        403,
        'CONSENT_REQUIRED',
      ],
      [
        bearer(gridWorker),
        { billIds: ['bill-w1000001-1'], method: 'counter-cash', cashReceivedFen: 99999 },
        403,
        'FORBIDDEN',
      ],
      [bearer(demo), { billIds: ['no-such-bill'], method: 'wechat-native' }, 404, 'NOT_FOUND'],
      [bearer(demo), { billIds: [], method: 'wechat-native' }, 400, 'VALIDATION_FAILED'],
      [bearer(demo), { billIds: ['bill-w1000001-1'], method: 'alipay' }, 400, 'VALIDATION_FAILED'],
    ]
    const [stranger] = await residents(service, 1, 701)
    cases.push([
      bearer(stranger!.token),
      { billIds: ['bill-med-2'], method: 'wechat-native' },
      404,
      'NOT_FOUND',
    ])
    const before = await service.ctx.db.selectFrom('payments').select('id').execute()
    for (const [headers, body, status, code] of cases) {
      const res = await pay(headers, body)
      expect([res.statusCode, res.json().error?.code]).toEqual([status, code])
    }
    expect(await service.ctx.db.selectFrom('payments').select('id').execute()).toHaveLength(before.length)
  })

  it('takes cash at the counter with change, closing an open QR code; that QR paid late is refunded', async () => {
    const qr = (
      await pay({ 'x-kiosk-key': KIOSK_KEY }, { billIds: ['bill-w1000002-1'], method: 'wechat-native' })
    ).json()
    const short = await pay(bearer(helper), {
      billIds: ['bill-w1000002-1'],
      method: 'counter-cash',
      cashReceivedFen: 2000,
    })
    expect(short.json().error.code).toBe('CASH_NOT_ENOUGH')
    expect((await get(`/api/v1/payments/${qr.id}`, { 'x-kiosk-key': KIOSK_KEY })).json().status).toBe(
      'pending',
    )

    const cash = await pay(bearer(helper), {
      billIds: ['bill-w1000002-1'],
      method: 'counter-cash',
      cashReceivedFen: 5000,
    })
    expect(cash.statusCode).toBe(201)
    expect(cash.json()).toMatchObject({
      status: 'paid',
      provider: 'counter',
      amountFen: 2190,
      cash: { receivedFen: 5000, changeFen: 2810 },
    })
    expect(await billStatus('bill-w1000002-1')).toBe('paid')
    expect((await get(`/api/v1/payments/${qr.id}`, { 'x-kiosk-key': KIOSK_KEY })).json()).toMatchObject({
      status: 'closed',
      codeUrl: null,
    })
    // The resident had scanned the old QR code anyway: the money goes back, automatically.
    const late = await confirm(qr.id)
    expect(late.json()).toMatchObject({
      status: 'refunded',
      refund: { status: 'succeeded', amountFen: 2190, reason: 'duplicate' },
    })
    const bill = await service.ctx.db
      .selectFrom('bills')
      .selectAll()
      .where('id', '=', 'bill-w1000002-1')
      .executeTakeFirstOrThrow()
    expect(bill.paid_by_payment_id).toBe(cash.json().id)
  })

  it('closes an expired payment when polled, and a new one can then be made', async () => {
    const first = (await pay(bearer(demo), { billIds: ['bill-med-1'], method: 'wechat-native' })).json()
    service.clock.advance(16 * 60_000)
    try {
      const polled = await get(`/api/v1/payments/${first.id}`, bearer(demo))
      expect(polled.json()).toMatchObject({ status: 'closed', codeUrl: null })
      const second = (await pay(bearer(demo), { billIds: ['bill-med-1'], method: 'wechat-native' })).json()
      expect(second.id).not.toBe(first.id)
      expect(second.status).toBe('pending')
    } finally {
      service.clock.advance(-16 * 60_000)
    }
  })

  it('replays an Idempotency-Key and refuses it with another body', async () => {
    const headers = { ...bearer(demo), 'idempotency-key': 'pay-key-000001' }
    const a = await pay(headers, { billIds: ['bill-w1000001-1'], method: 'wechat-native' })
    const b = await pay(headers, { billIds: ['bill-w1000001-1'], method: 'wechat-native' })
    expect(b.json().id).toBe(a.json().id)
    const other = await pay(headers, { billIds: ['bill-med-2'], method: 'wechat-native' })
    expect(other.json().error.code).toBe('IDEMPOTENCY_CONFLICT')
    expect(
      (
        await pay(
          { ...headers, 'idempotency-key': 'no' },
          { billIds: ['bill-med-2'], method: 'wechat-native' },
        )
      ).statusCode,
    ).toBe(400)
  })
})

describe.each(engines)("cash at the counter in the resident's trail, on %s", (engine) => {
  it('says how the bill was paid (为您缴费（现金）), by which helper, to the resident whose bill it was', async () => {
    const { createI18n } = await import('@bangban/core/i18n')
    const { auditActionKey } = await import('@bangban/core/i18n/auditAction')
    const database = testDatabase(engine)
    const service = await startService(database)
    try {
      const row = await residentByIdNumber(
        service.ctx.db,
        service.clock,
        service.ctx.idPepper,
        DEMO_RESIDENT.name,
        DEMO_RESIDENT.idNumber,
      )
      const demo = (await createSession(service.ctx.db, service.clock, row.id, 'id-card', 3600, null)).token
      const helper = await staffToken(service, 'H1001')
      const cash = async (billId: string) => {
        const res = await service.app.inject({
          method: 'POST',
          url: '/api/v1/payments',
          headers: bearer(helper),
          payload: { billIds: [billId], method: 'counter-cash', cashReceivedFen: 100_000 },
        })
        expect(res.statusCode).toBe(201)
        return res.json() as Payment
      }
      // At the counter, without a grant: the resident's water account, then someone else's.
      expect(
        (await service.app.inject({ url: '/api/v1/bills?accountNo=W1000001', headers: bearer(helper) }))
          .statusCode,
      ).toBe(200)
      const mine = await cash('bill-w1000001-1')
      const theirs = await cash('bill-w1000002-1')

      const trail = (
        await service.app.inject({ url: '/api/v1/me/audit', headers: bearer(demo) })
      ).json() as AuditEntryView[]
      const line = trail.find((e) => e.target?.startsWith(mine.id))
      expect(line).toMatchObject({
        action: 'createPayment.counter-cash',
        actor: { kind: 'staff', staffNo: 'H1001', maskedName: '张*办' },
        subject: { id: row.id, maskedName: '王*明' },
        grantId: null,
        target: `${mine.id}?method=counter-cash`,
      })
      expect(trail.map((e) => e.action)).toContain('listBills')
      expect(trail.some((e) => e.target?.startsWith(theirs.id))).toBe(false)
      // Read the way the resident's 代办记录 reads it.
      const key = `auditActions.${auditActionKey(line!.action)}`
      expect(createI18n('zh-CN').t(key)).toBe('为您缴费（现金）')
      expect(createI18n('zh-HK').t(key)).toBe('為您繳費（現金）')
      expect(createI18n('en').t(key)).toBe('Paid a bill for you (in cash)')

      // The stored entry keeps the operation's name; the method is in its target.
      const stored = await service.ctx.db
        .selectFrom('audit_log')
        .select(['action', 'target', 'subject_id'])
        .where('target', 'like', `${theirs.id}%`)
        .executeTakeFirstOrThrow()
      expect(stored).toEqual({
        action: 'createPayment',
        target: `${theirs.id}?method=counter-cash`,
        subject_id: null,
      })
    } finally {
      await service.close()
      await database.drop()
    }
  })
})
