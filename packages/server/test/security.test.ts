/**
 * Issue #10's security review, as tests: residents are kept apart on every route of the contract
 * (driven from the route table, so a new route must be classified here), limits on guessing hold
 * under a burst, sessions end when they should, and every response carries the security headers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contract, parseConsentQr, parseFamilyQr, type RouteName } from '@bangban/core/api'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { consoleSmsProvider } from '../src/auth/sms'
import { principalsOf } from '../src/http/routing'
import {
  bearer,
  describeOnEngines,
  idNumberFor,
  KIOSK_KEY,
  STAFF_PASSWORD,
  staffToken,
  startService,
  TEST_NOW,
  type Started,
  type TestDatabase,
} from './support/service'

const names = Object.keys(contract) as RouteName[]
const residentRoutes = names.filter((name) => principalsOf(contract[name]).includes('resident'))
/** Routes that need credentials but are not a resident's: a resident token must get nowhere. */
const otherRoutes = names.filter((name) => {
  const kinds = principalsOf(contract[name])
  return kinds.length > 0 && !kinds.includes('resident')
})

/** The path of a route with its `:name` parameters filled in. */
function pathOf(name: RouteName, params: Record<string, string> = {}): string {
  return contract[name].path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params[key]
    if (value === undefined) throw new Error(`${name}: no value for :${key}`)
    return encodeURIComponent(value)
  })
}

const oneOf = (status: number, ...allowed: number[]) => allowed.includes(status)

/** Everything the other resident owns: none of it may show in what Bob gets back. */
interface Alices {
  readonly id: string
  readonly name: string
  readonly idNumber: string
  readonly token: string
  readonly appointmentId: string
  readonly slotId: string
  readonly otherSlotId: string
  readonly accountNo: string
  readonly medicalBillId: string
  readonly paymentId: string
  readonly request: Record<string, string>
  readonly requestId: string
  readonly requestNo: string
  readonly consentId: string
  readonly qrToken: string
  /** 亲友代办: Alice may act for Carol, who scanned Alice's QR code and agreed. */
  readonly familyGrantId: string
  readonly familyQrToken: string
  /** The wx.login code of the WeChat Alice linked to her account. */
  readonly wechatCode: string
  /** An entry of Alice's audit trail (she is its subject). */
  readonly auditSeq: number
}

/** One try of a route by Bob. */
interface Attempt {
  readonly params?: Record<string, string>
  readonly query?: Record<string, string>
  readonly payload?: object
  readonly headers?: Record<string, string>
  /** Use a second session of Bob's (signing out ends the one it is made with). */
  readonly spare?: boolean
  /** Use a resident made for this one try (deleting an account ends it for good). */
  readonly throwaway?: boolean
}

interface Probe {
  /** `own`: names nothing of anyone else's and answers with the caller's own things only. */
  readonly answer: 'own' | 'refused'
  readonly attempts: (alice: Alices) => Attempt[]
}

/** Alice's idempotency keys (one per kind of request, as a client makes them). */
const ALICE_KEY = {
  booking: 'alice-booking-key-0001',
  payment: 'alice-payment-key-0001',
  request: 'alice-request-key-0001',
}
const own: Probe = { answer: 'own', attempts: () => [{}] }
const refused = (attempts: Probe['attempts']): Probe => ({ answer: 'refused', attempts })
const byId = (pick: (alice: Alices) => string, payload?: object): Probe =>
  refused((a) => [{ params: { id: pick(a) }, ...(payload ? { payload } : {}) }])

/** How Bob tries every route a resident may call on Alice's things. */
const probes: Partial<Record<RouteName, Probe>> = {
  me: own,
  signOut: { answer: 'own', attempts: () => [{ spare: true }] },
  // Deletes the caller's own account and names no one else's.
  deleteMyAccount: { answer: 'own', attempts: () => [{ throwaway: true }] },
  listAppointments: own,
  listServiceRequests: own,
  listMyConsents: own,
  myAudit: own,
  // The proof that one of Alice's entries is in the signed log is hers alone.
  // The log's head is the same for everyone: it names no entry and no one.
  auditHead: own,
  myAuditProof: refused((a) => [{ params: { seq: String(a.auditSeq) } }]),
  // Utility bills are found by account number by design (a son pays his mother's water bill);
  // what is the resident's own (medical bills, name, ID number) never shows.
  listBills: { answer: 'own', attempts: (a) => [{}, { query: { accountNo: a.accountNo } }] },
  // Alice's idempotency key on Alice's very request makes Bob a booking (a request) of his own.
  createAppointment: {
    answer: 'own',
    attempts: (a) => [{ payload: { slotId: a.slotId }, headers: { 'idempotency-key': ALICE_KEY.booking } }],
  },
  createServiceRequest: {
    answer: 'own',
    attempts: (a) => [{ payload: a.request, headers: { 'idempotency-key': ALICE_KEY.request } }],
  },
  cancelAppointment: byId((a) => a.appointmentId),
  rescheduleAppointment: refused((a) => [
    { params: { id: a.appointmentId }, payload: { slotId: a.otherSlotId } },
  ]),
  createPayment: refused((a) => [
    { payload: { billIds: [a.medicalBillId], method: 'wechat-native' } },
    {
      payload: { billIds: [a.medicalBillId], method: 'wechat-native' },
      headers: { 'idempotency-key': ALICE_KEY.payment },
    },
  ]),
  getPayment: byId((a) => a.paymentId),
  getServiceRequest: byId((a) => a.requestId),
  rateServiceRequest: byId((a) => a.requestId, { score: 1 }),
  reopenServiceRequest: byId((a) => a.requestId, { reason: '没修好' }),
  // Even holding Alice's QR token (a photo of her screen), Bob gets nowhere with her grant.
  getConsent: refused((a) => [
    { params: { id: a.consentId } },
    { params: { id: a.consentId }, query: { qrToken: a.qrToken } },
  ]),
  approveConsent: refused((a) => [{ params: { id: a.consentId }, payload: { qrToken: a.qrToken } }]),
  denyConsent: refused((a) => [{ params: { id: a.consentId }, payload: { qrToken: a.qrToken } }]),
  revokeConsent: byId((a) => a.consentId),
  // Adds messages for the caller's own WeChat session and names no one; Bob's ID-card session has none.
  subscribeWechatMessages: refused(() => [{ payload: { accepted: ['appointment', 'request'] } }]),
  // A WeChat linked to Alice stays hers, even when Bob holds a fresh code from it.
  linkMyWechat: refused((a) => [{ payload: { code: a.wechatCode } }]),
  // Unlinks the caller's own WeChat accounts only: Alice's link is checked below.
  unlinkMyWechat: own,
  // Bob asking for himself, and listing his own, shows nothing of Alice's family grants.
  createFamilyGrant: { answer: 'own', attempts: () => [{ payload: { scopes: ['booking'] } }] },
  listMyFamilyGrants: own,
  // Holding Alice's QR code after Carol answered it gets Bob nowhere either.
  getFamilyGrant: refused((a) => [
    { params: { id: a.familyGrantId } },
    { params: { id: a.familyGrantId }, query: { qrToken: a.familyQrToken } },
  ]),
  approveFamilyGrant: refused((a) => [
    { params: { id: a.familyGrantId }, payload: { qrToken: a.familyQrToken } },
  ]),
  denyFamilyGrant: refused((a) => [
    { params: { id: a.familyGrantId }, payload: { qrToken: a.familyQrToken } },
  ]),
  revokeFamilyGrant: byId((a) => a.familyGrantId),
  // Only the family member the grant was given to acts with it.
  issueFamilyToken: byId((a) => a.familyGrantId),
}

describeOnEngines('residents kept apart', (on) => {
  let alice: Alices
  let bob: { id: string; token: string; spare: string; throwaway: string }

  const call = (token: string, name: RouteName, attempt: Attempt = {}) => {
    const def = contract[name]
    const query = attempt.query ? `?${new URLSearchParams(attempt.query)}` : ''
    const options: InjectOptions = {
      method: def.method,
      url: pathOf(name, attempt.params) + query,
      headers: { ...bearer(token), ...attempt.headers },
    }
    if (attempt.payload) options.payload = attempt.payload
    else if (def.method === 'POST') options.payload = {}
    return on.service.app.inject(options)
  }
  const post = (token: string, url: string, payload?: object, headers: Record<string, string> = {}) =>
    on.service.app.inject({
      method: 'POST',
      url,
      headers: { ...bearer(token), ...headers },
      ...(payload ? { payload } : {}),
    })
  const signIn = async (name: string, idNumber: string) => {
    const res = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/id-card',
      headers: { 'x-kiosk-key': KIOSK_KEY },
      payload: { name, idNumber },
    })
    expect(res.statusCode).toBe(201)
    return { id: res.json().resident.id as string, token: res.json().token as string }
  }
  /** What of Alice's must never reach Bob (her masked holder name on an account is public by design). */
  const secrets = (a: Alices) => [
    a.id,
    a.name,
    a.idNumber,
    a.token,
    a.appointmentId,
    a.medicalBillId,
    a.paymentId,
    a.requestId,
    a.requestNo,
    a.consentId,
    a.qrToken,
    a.familyGrantId,
    a.familyQrToken,
  ]

  beforeAll(async () => {
    const db = on.service.ctx.db
    const now = on.service.clock.now().toISOString()
    const aliceName = '欧阳春花'
    const aliceIdNumber = idNumberFor(31)
    const a = await signIn(aliceName, aliceIdNumber)
    const b = await signIn('司马秋实', idNumberFor(32))
    bob = {
      ...b,
      spare: (await signIn('司马秋实', idNumberFor(32))).token,
      throwaway: (await signIn('司马冬青', idNumberFor(34))).token,
    }

    // A booking.
    const slots = (
      await on.service.app.inject({ url: '/api/v1/slots?serviceId=svc-general&date=2026-12-03' })
    ).json()
    const booked = await post(
      a.token,
      '/api/v1/appointments',
      { slotId: slots[0].id },
      { 'idempotency-key': ALICE_KEY.booking },
    )
    expect(booked.statusCode).toBe(201)

    // Her own water account and a medical bill only she may see and pay.
    const accountNo = 'W7000031'
    await db
      .insertInto('utility_accounts')
      .values({
        account_no: accountNo,
        kind: 'water',
        holder_name: aliceName,
        address: '幸福里 3 号楼',
        resident_id: a.id,
        created_at: now,
      })
      .execute()
    const bill = (id: string, kind: 'water' | 'medical', account: string | null) => ({
      id,
      kind,
      account_no: account,
      resident_id: account ? null : a.id,
      period: '2026-11',
      amount_fen: 4321,
      lines: JSON.stringify([{ label: kind, amountFen: 4321 }]),
      status: 'unpaid' as const,
      due_date: '2026-12-28',
      created_at: now,
      paid_at: null,
      paid_by_payment_id: null,
    })
    await db
      .insertInto('bills')
      .values([bill('bill-alice-water', 'water', accountNo), bill('bill-alice-medical', 'medical', null)])
      .execute()
    const paid = await post(
      a.token,
      '/api/v1/payments',
      { billIds: ['bill-alice-medical'], method: 'wechat-native' },
      { 'idempotency-key': ALICE_KEY.payment },
    )
    expect(paid.statusCode).toBe(201)

    // A request, resolved by its grid worker, so only ownership stops a rating or a reopening.
    const request = {
      categoryId: 'cat-repair',
      description: '厨房水管漏水',
      gridId: 'grid-xfl-2',
      contactPhone: '13800000031',
    }
    const submitted = await post(a.token, '/api/v1/requests', request, {
      'idempotency-key': ALICE_KEY.request,
    })
    expect(submitted.statusCode).toBe(201)
    const requestId = submitted.json().id as string
    const worker = await staffToken(on.service, 'G2002')
    expect((await post(worker, `/api/v1/staff/requests/${requestId}/accept`)).statusCode).toBe(200)
    expect(
      (await post(worker, `/api/v1/staff/requests/${requestId}/resolve`, { note: '换了阀门' })).statusCode,
    ).toBe(200)

    // A grant she gave a helper.
    const helper = await staffToken(on.service, 'H1001')
    const asked = (await post(helper, '/api/v1/consents', { scopes: ['booking'] })).json()
    const approved = await post(a.token, `/api/v1/consents/${asked.id}/approve`, { code: asked.code })
    expect(approved.json().status).toBe('approved')

    // A family grant: Alice asks to act for Carol, who scans it and agrees.
    const carol = await signIn('欧阳春华', idNumberFor(33))
    const family = (await post(a.token, '/api/v1/family-grants', { scopes: ['booking', 'payment'] })).json()
    const familyQrToken = parseFamilyQr(family.qrPayload)!.qrToken
    const agreed = await post(carol.token, `/api/v1/family-grants/${family.id}/approve`, {
      qrToken: familyQrToken,
    })
    expect(agreed.json().status).toBe('active')

    // Her WeChat, linked to her account.
    const wechatCode = 'wxLoginCodeAlice31'
    expect((await post(a.token, '/api/v1/me/wechat', { code: wechatCode })).statusCode).toBe(204)

    alice = {
      ...a,
      name: aliceName,
      idNumber: aliceIdNumber,
      appointmentId: booked.json().id,
      slotId: slots[0].id,
      otherSlotId: slots[1].id,
      accountNo,
      medicalBillId: 'bill-alice-medical',
      paymentId: paid.json().id,
      request,
      requestId,
      requestNo: submitted.json().requestNo,
      consentId: asked.id,
      qrToken: parseConsentQr(asked.qrPayload)!.qrToken,
      familyGrantId: family.id,
      familyQrToken,
      wechatCode,
      auditSeq: Number(
        (
          await db
            .selectFrom('audit_log')
            .select('seq')
            .where('subject_id', '=', a.id)
            .orderBy('seq')
            .executeTakeFirstOrThrow()
        ).seq,
      ),
    }
  })

  it('has classified every route a resident may call', () => {
    const unclassified = residentRoutes.filter((name) => !probes[name])
    // A new route that takes a resident token: add it to `probes`, saying how Bob tries it on Alice's things.
    expect({ unclassified }).toEqual({ unclassified: [] })
    const stale = Object.keys(probes).filter((name) => !residentRoutes.includes(name as RouteName))
    expect({ stale }).toEqual({ stale: [] })
  })

  it.each(residentRoutes)("%s gives Bob nothing of Alice's", async (name) => {
    const probe = probes[name]
    if (!probe) throw new Error(`${name} is not classified in security.test.ts`)
    for (const attempt of probe.attempts(alice)) {
      const token = attempt.throwaway ? bob.throwaway : attempt.spare ? bob.spare : bob.token
      const res = await call(token, name, attempt)
      const seen = { name, attempt, status: res.statusCode, body: res.body }
      if (probe.answer === 'own') expect(seen).toMatchObject({ status: contract[name].status })
      else expect({ ...seen, refused: oneOf(res.statusCode, 403, 404, 409) }).toMatchObject({ refused: true })
      const leaked = secrets(alice).filter((secret) => res.body.includes(secret))
      expect({ ...seen, leaked }).toMatchObject({ leaked: [] })
    }
  })

  it('leaves all of Alice’s things as they were', async () => {
    const get = async (name: RouteName, params?: Record<string, string>) => {
      const res = await call(alice.token, name, { ...(params ? { params } : {}) })
      expect(res.statusCode).toBe(200)
      return res.json()
    }
    expect(await get('me')).toMatchObject({ id: alice.id })
    const appointments = await get('listAppointments')
    expect(appointments).toEqual([
      expect.objectContaining({ id: alice.appointmentId, status: 'booked', slotId: alice.slotId }),
    ])
    expect(await get('getServiceRequest', { id: alice.requestId })).toMatchObject({
      status: 'resolved',
      rating: null,
    })
    expect(await get('getPayment', { id: alice.paymentId })).toMatchObject({ status: 'pending' })
    const consents = await get('listMyConsents')
    expect(consents).toEqual([expect.objectContaining({ id: alice.consentId, status: 'approved' })])
    // Her WeChat still signs her in.
    const wechat = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/wechat',
      payload: { code: alice.wechatCode },
    })
    expect(wechat.json()).toMatchObject({ outcome: 'signed-in', resident: { id: alice.id } })
    // And Bob's own booking and request are his, not replays of Alice's under her idempotency key.
    const bobsBookings = (await call(bob.token, 'listAppointments')).json()
    expect(bobsBookings).toEqual([expect.objectContaining({ slotId: alice.slotId })])
    expect(bobsBookings[0].id).not.toBe(alice.appointmentId)
    const bobsRequests = (await call(bob.token, 'listServiceRequests')).json()
    expect(bobsRequests).toEqual([expect.objectContaining({ description: alice.request.description })])
    expect(bobsRequests[0].id).not.toBe(alice.requestId)
  })

  it('refuses a resident token on every route that is not a resident’s', async () => {
    for (const name of otherRoutes) {
      const params = Object.fromEntries(
        [...contract[name].path.matchAll(/:([A-Za-z]+)/g)].map((m) => [m[1]!, 'x1234567']),
      )
      const res = await call(bob.token, name, { params })
      expect({ name, refused: oneOf(res.statusCode, 401, 403) }).toEqual({ name, refused: true })
    }
  })
})

type Outboxed = Started & { sms: ReturnType<typeof consoleSmsProvider> }

/** A service whose text messages the tests read. */
const withOutbox = {
  start: async (database: TestDatabase, like?: Outboxed): Promise<Outboxed> => {
    const sms = consoleSmsProvider({ info: () => undefined })
    return Object.assign(await startService(database, like?.clock, { sms }), { sms })
  },
}

describeOnEngines('sign-in limits and sessions', withOutbox, (on) => {
  // Each test calls from its own addresses: the per-address limits are per instance and last a minute.
  const address = (test: number, i = 0) => `198.18.${test}.${i}`
  const statuses = (answers: LightMyRequestResponse[]) => {
    const count = (status: number) => answers.filter((a) => a.statusCode === status).length
    return { count, through: answers.length - count(429), limited: count(429) }
  }
  const burst = (n: number, one: (i: number) => Promise<LightMyRequestResponse>) =>
    Promise.all(Array.from({ length: n }, (_, i) => one(i)))
  const idCard = (from: string, n: number, headers: Record<string, string> = {}) =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/id-card',
      remoteAddress: from,
      headers: { 'x-kiosk-key': KIOSK_KEY, ...headers },
      payload: { name: `居民${n}`, idNumber: idNumberFor(n) },
    })
  const askCode = (from: string, phone: string) =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone-code',
      remoteAddress: from,
      payload: { phone },
    })
  const phoneSignIn = (from: string, phone: string, code: string) =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone',
      remoteAddress: from,
      payload: { phone, code },
    })
  const staffSignIn = (from: string, staffNo: string, password: string) =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/staff/sessions',
      remoteAddress: from,
      payload: { staffNo, password },
    })
  const lastCode = (phone: string) => on.service.sms.sent.filter((s) => s.phone === phone).at(-1)!.code
  const wrongCodes = (right: string, n: number) =>
    Array.from({ length: n }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'))

  afterEach(() => on.service.clock.set(TEST_NOW))

  it('lets at most 30 ID-card sign-ins a minute through from one address, even 50 at once', async () => {
    const { through, limited } = statuses(await burst(50, (i) => idCard(address(1), 100 + i)))
    expect(through).toBeLessThanOrEqual(30)
    expect(limited).toBe(50 - through)
  })

  it('gives no fresh allowance for a forged X-Forwarded-For; behind a proxy on this machine, clients still count apart', async () => {
    const forged = await burst(50, (i) => idCard(address(2), 200 + i, { 'x-forwarded-for': `10.9.${i}.1` }))
    expect(statuses(forged).through).toBeLessThanOrEqual(30)
    // A reverse proxy on the same machine names the client: one client's limit is not another's.
    const viaProxy = (client: string, n: number) => idCard('127.0.0.1', n, { 'x-forwarded-for': client })
    const first = await burst(40, (i) => viaProxy(address(3, 1), 300 + i))
    expect(statuses(first).through).toBeLessThanOrEqual(30)
    expect((await viaProxy(address(3, 2), 399)).statusCode).toBe(201)
  })

  it('sends one SMS code for 50 requests at once for one number from 50 addresses; one address asks for at most 10 numbers', async () => {
    const phone = '13900000051'
    const before = on.service.sms.sent.length
    const answers = await burst(50, (i) => askCode(address(4, i), phone))
    expect(statuses(answers).count(201)).toBe(1)
    expect(
      answers.filter((a) => a.statusCode !== 201).every((a) => a.json().error.code === 'RATE_LIMITED'),
    ).toBe(true)
    expect(on.service.sms.sent.length - before).toBe(1)

    const many = await burst(50, (i) => askCode(address(5), `1390000${String(1000 + i)}`))
    expect(statuses(many).through).toBeLessThanOrEqual(10)
  })

  it('gives a code five tries, however many guesses arrive at once: the right code after them is refused', async () => {
    const phone = '13900000052'
    expect((await askCode(address(6), phone)).statusCode).toBe(201)
    const code = lastCode(phone)
    // 49 wrong guesses from 49 addresses at once, the right code last among them, then once more.
    const guesses = [...wrongCodes(code, 49), code]
    const answers = await burst(50, (i) => phoneSignIn(address(7, i), phone, guesses[i]!))
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(401))
    expect((await phoneSignIn(address(8), phone, code)).statusCode).toBe(401)
    const row = await on.service.ctx.db
      .selectFrom('phone_codes')
      .select('attempts')
      .where('phone', '=', phone)
      .executeTakeFirstOrThrow()
    expect(row.attempts).toBeLessThanOrEqual(5)
  })

  it('signs in once with a code, however many use it at once', async () => {
    const phone = '13900000053'
    expect((await askCode(address(9), phone)).statusCode).toBe(201)
    const code = lastCode(phone)
    const answers = await burst(20, (i) => phoneSignIn(address(10, i), phone, code))
    expect(statuses(answers).count(201)).toBe(1)
    expect(statuses(answers).count(401)).toBe(19)
  })

  it('checks at most 5 staff passwords of 50 guesses at once from 50 addresses, and 20 sign-ins a minute from one address', async () => {
    const answers = await burst(50, (i) => staffSignIn(address(11, i), 'H1002', `guess-${i}`))
    let checked = statuses(answers).count(401)
    expect(checked).toBeLessThanOrEqual(5)
    expect(checked + statuses(answers).count(429)).toBe(50)
    // Guessing on one at a time: five wrong passwords in all are checked, then the number is locked,
    // for the right password too, until the window has passed.
    while ((await staffSignIn(address(12), 'H1002', `again-${checked}`)).statusCode === 401) checked++
    expect(checked).toBe(5)
    expect((await staffSignIn(address(12), 'H1002', STAFF_PASSWORD)).statusCode).toBe(429)
    on.service.clock.advance(15 * 60_000 + 1000)
    expect((await staffSignIn(address(12), 'H1002', STAFF_PASSWORD)).statusCode).toBe(201)

    const oneAddress = await burst(50, (i) => staffSignIn(address(13), `X${2000 + i}`, 'whatever'))
    expect(statuses(oneAddress).through).toBeLessThanOrEqual(20)
  })

  it('ends a kiosk session, a phone session and a staff session at their expiry, not before', async () => {
    const start = on.service.clock.now().getTime()
    const ttl = on.service.ctx.sessionTtlSeconds
    const kiosk = (await idCard(address(14), 501)).json()
    const phone = '13900000054'
    await askCode(address(14), phone)
    const mobile = (await phoneSignIn(address(14), phone, lastCode(phone))).json()
    const staff = (await staffSignIn(address(14), 'A0001', STAFF_PASSWORD)).json()
    const sessions = [
      {
        token: kiosk.token as string,
        expiresAt: kiosk.expiresAt as string,
        ttl: ttl.idCard,
        url: '/api/v1/me',
      },
      {
        token: mobile.token as string,
        expiresAt: mobile.expiresAt as string,
        ttl: ttl.phone,
        url: '/api/v1/me',
      },
      {
        token: staff.token as string,
        expiresAt: staff.expiresAt as string,
        ttl: ttl.staff,
        url: '/api/v1/staff/me',
      },
    ]
    // A kiosk is shared: its sessions are the shortest.
    expect(ttl.idCard).toBeLessThanOrEqual(30 * 60)
    for (const session of sessions) {
      expect(Date.parse(session.expiresAt)).toBe(start + session.ttl * 1000)
      const status = async () =>
        (await on.service.app.inject({ url: session.url, headers: bearer(session.token) })).statusCode
      on.service.clock.set(new Date(start + session.ttl * 1000 - 1000))
      expect(await status()).toBe(200)
      on.service.clock.set(new Date(start + session.ttl * 1000))
      expect(await status()).toBe(401)
    }
  })

  it('refuses a signed-out token on every route, and ends that session only', async () => {
    const first = (await idCard(address(15), 502)).json().token as string
    const second = (await idCard(address(15), 502)).json().token as string
    const staffFirst = await staffToken(on.service, 'A0001')
    const staffSecond = await staffToken(on.service, 'A0001')
    const signOut = (url: string, token: string) =>
      on.service.app.inject({ method: 'DELETE', url, headers: bearer(token) })
    expect((await signOut('/api/v1/sessions/current', first)).statusCode).toBe(204)
    expect((await signOut('/api/v1/staff/sessions/current', staffFirst)).statusCode).toBe(204)
    for (const [token, routes] of [
      [first, residentRoutes],
      [staffFirst, otherRoutes.filter((name) => principalsOf(contract[name]).includes('staff'))],
    ] as const) {
      for (const name of routes) {
        const def = contract[name]
        const res = await on.service.app.inject({
          method: def.method,
          url: def.path.replace(/:([A-Za-z]+)/g, 'x1234567'),
          headers: bearer(token),
          ...(def.method === 'POST' ? { payload: {} } : {}),
        })
        expect({ name, status: res.statusCode }).toEqual({ name, status: 401 })
      }
    }
    expect((await on.service.app.inject({ url: '/api/v1/me', headers: bearer(second) })).statusCode).toBe(200)
    expect(
      (await on.service.app.inject({ url: '/api/v1/staff/me', headers: bearer(staffSecond) })).statusCode,
    ).toBe(200)
  })
})

// A stand-in for the built kiosk UI, so /kiosk/ is served whether or not the kiosk has been built.
const kioskDir = mkdtempSync(join(tmpdir(), 'bangban-kiosk-'))
writeFileSync(join(kioskDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>帮办通</title></html>')
afterAll(() => rmSync(kioskDir, { recursive: true, force: true }))

describeOnEngines(
  'security headers',
  {
    start: (database: TestDatabase, like?: Started) =>
      startService(database, like?.clock, { env: { BANGBAN_KIOSK_DIR: kioskDir } }),
  },
  (on) => {
    const get = (url: string, headers: Record<string, string> = {}) => on.service.app.inject({ url, headers })

    /** What every answer carries, the API's and the kiosk UI's alike. */
    function expectCommon(res: LightMyRequestResponse) {
      const h = res.headers
      expect(h['x-content-type-options']).toBe('nosniff')
      expect(h['referrer-policy']).toBe('no-referrer')
      expect(h['x-frame-options']).toMatch(/^(DENY|SAMEORIGIN)$/)
      const hsts = /max-age=(\d+)/.exec(String(h['strict-transport-security']))
      expect(Number(hsts?.[1])).toBeGreaterThanOrEqual(180 * 24 * 3600)
      expect(h['strict-transport-security']).toContain('includeSubDomains')
      expect(h['cross-origin-opener-policy']).toBe('same-origin')
      expect(h['x-powered-by']).toBeUndefined()
      // No CORS: the kiosk and the docs are same-origin, the mini-program is not a browser.
      expect(h['access-control-allow-origin']).toBeUndefined()
    }
    const directives = (res: LightMyRequestResponse) =>
      new Map(
        String(res.headers['content-security-policy'] ?? '')
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...values]) => [name!, values]),
      )

    it('sets them on API answers, errors included: nothing may load, nothing may frame, nothing is stored', async () => {
      const hostile = { origin: 'https://evil.example' }
      const answers = [
        await get('/api/v1/providers', hostile),
        await get('/api/v1/me', hostile), // 401
        await get('/api/v1/no-such-route', hostile), // 404
      ]
      expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 404])
      for (const res of answers) {
        expectCommon(res)
        const csp = directives(res)
        expect(csp.get('default-src')).toEqual(["'none'"])
        expect(csp.get('frame-ancestors')).toEqual(["'none'"])
        expect(res.headers['cache-control']).toContain('no-store')
      }
    })

    it('sets them on the kiosk UI: its own scripts only, no plug-ins, never framed', async () => {
      expect(on.service.kioskUi).toBe(true)
      const page = await get('/kiosk/')
      const config = await get('/kiosk/kiosk-config.json')
      expect([page.statusCode, config.statusCode]).toEqual([200, 200])
      expect(page.body).toContain('帮办通')
      for (const res of [page, config]) {
        expectCommon(res)
        const csp = directives(res)
        expect(csp.get('default-src')).toEqual(["'self'"])
        expect(csp.get('script-src')).toEqual(["'self'"])
        expect(csp.get('object-src')).toEqual(["'none'"])
        expect(csp.get('base-uri')).toEqual(["'none'"])
        expect(csp.get('frame-ancestors')).toEqual(["'none'"])
      }
      // The demo kiosk key is handed to this page only, and never cached.
      expect(config.headers['cache-control']).toContain('no-store')
    })
  },
)
