import { Writable } from 'node:stream'
import pino from 'pino'
import { consoleSmsProvider } from '../src/auth/sms'
import { LOG_REDACT_PATHS } from '../src/http/app'
import {
  describeOnEngines,
  idNumberFor,
  KIOSK_KEY,
  startService,
  type Started,
  type TestDatabase,
} from './support/service'

type Observed = Started & { sms: ReturnType<typeof consoleSmsProvider>; logLines: string[] }

/** A service whose log lines (at trace level) and text messages the tests can read. */
const observed = {
  start: async (database: TestDatabase): Promise<Observed> => {
    const logLines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk))
        done()
      },
    })
    const logger = pino({ level: 'trace', redact: LOG_REDACT_PATHS }, sink)
    const sms = consoleSmsProvider({ info: () => undefined })
    return Object.assign(await startService(database, undefined, { sms, logger }), { sms, logLines })
  },
}

describeOnEngines('sign-in', observed, (on) => {
  const idCard = (body: unknown, key = KIOSK_KEY, lang?: string) =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/id-card',
      headers: { 'x-kiosk-key': key, ...(lang ? { 'accept-language': lang } : {}) },
      payload: body as object,
    })

  it('signs in by ID card, creating the resident once, and shows only masked identifiers', async () => {
    const first = await idCard({ name: '王小明', idNumber: '11010519491231002X' })
    expect(first.statusCode).toBe(201)
    const body = first.json()
    expect(body.resident).toMatchObject({
      maskedName: '王*明',
      maskedIdNumber: '110***********002X',
      maskedPhone: null,
    })
    expect(first.body).not.toContain('11010519491231002X')
    const second = await idCard({ name: '王小明', idNumber: '11010519491231002x' })
    expect(second.json().resident.id).toBe(body.resident.id)
    const me = await on.service.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${body.token}` },
    })
    expect(me.json()).toEqual(body.resident)
  })

  it('never writes a full ID number, phone number, token or kiosk key to the log', async () => {
    const res = await idCard({ name: '李四', idNumber: idNumberFor(7) })
    const token = res.json().token as string
    await on.service.app.inject({
      url: '/api/v1/appointments',
      headers: { authorization: `Bearer ${token}` },
    })
    await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone-code',
      payload: { phone: '13912345678' },
    })
    const log = on.service.logLines.join('')
    expect(log.length).toBeGreaterThan(0)
    for (const secret of [idNumberFor(7), token, KIOSK_KEY, '13912345678']) expect(log).not.toContain(secret)
  })

  it('refuses a wrong kiosk key with 401 and an invalid ID number with 400 INVALID_ID_NUMBER, in the caller’s language', async () => {
    const wrongKey = await idCard({ name: '王小明', idNumber: '11010519491231002X' }, 'not-the-kiosk-key-000')
    expect(wrongKey.statusCode).toBe(401)
    expect(wrongKey.json().error.code).toBe('KIOSK_KEY_INVALID')
    const bad = await idCard({ name: '王小明', idNumber: '110105194912310021' }, KIOSK_KEY, 'en')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({
      code: 'INVALID_ID_NUMBER',
      message: 'This ID card number is not valid. Please check it and try again.',
    })
    const zh = await idCard({ name: '王小明', idNumber: '110105194912310021' })
    expect(zh.json().error.message).toBe('身份证号码不正确，请核对后再试。')
  })

  it('signs in by phone with a one-time code: wrong codes count, a code works once, resending is limited', async () => {
    const phone = '13812345678'
    const sent = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone-code',
      payload: { phone: '138 1234 5678' },
    })
    expect(sent.statusCode).toBe(201)
    const code = on.service.sms.sent.at(-1)!.code
    expect(on.service.sms.sent.at(-1)!.phone).toBe(phone)

    const tooSoon = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone-code',
      payload: { phone },
    })
    expect(tooSoon.json().error.code).toBe('RATE_LIMITED')

    const wrong = code === '000000' ? '111111' : '000000'
    const refused = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone',
      payload: { phone, code: wrong },
    })
    expect(refused.json().error.code).toBe('CODE_INVALID')
    const ok = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone',
      payload: { phone, code },
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json().resident.maskedPhone).toBe('138****5678')
    const reused = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone',
      payload: { phone, code },
    })
    expect(reused.json().error.code).toBe('CODE_INVALID')
  })

  it('locks a code after five wrong tries and expires it after five minutes', async () => {
    const phone = '13700000001'
    await on.service.app.inject({ method: 'POST', url: '/api/v1/sessions/phone-code', payload: { phone } })
    const code = on.service.sms.sent.at(-1)!.code
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++)
      await on.service.app.inject({
        method: 'POST',
        url: '/api/v1/sessions/phone',
        payload: { phone, code: wrong },
      })
    const locked = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone',
      payload: { phone, code },
    })
    expect(locked.json().error.code).toBe('CODE_INVALID')

    on.service.clock.advance(61_000)
    const phone2 = '13700000002'
    await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone-code',
      payload: { phone: phone2 },
    })
    const code2 = on.service.sms.sent.at(-1)!.code
    on.service.clock.advance(301_000)
    const expired = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone',
      payload: { phone: phone2, code: code2 },
    })
    expect(expired.json().error.code).toBe('CODE_INVALID')
  })

  it('refuses an invalid mobile number, expires kiosk sessions, and signs out', async () => {
    const bad = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone-code',
      payload: { phone: '12345' },
    })
    expect(bad.json().error.code).toBe('INVALID_PHONE')

    const { token } = (await idCard({ name: '赵六', idNumber: idNumberFor(8) })).json()
    const out = await on.service.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(out.statusCode).toBe(204)
    expect(
      (await on.service.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401)

    const second = (await idCard({ name: '赵六', idNumber: idNumberFor(8) })).json().token
    on.service.clock.advance(31 * 60_000)
    expect(
      (await on.service.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${second}` } }))
        .statusCode,
    ).toBe(401)
  })

  it('limits sign-in attempts per address', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, () => idCard({ name: '王小明', idNumber: 'bad' })),
    )
    expect(results.some((r) => r.statusCode === 429 && r.json().error.code === 'RATE_LIMITED')).toBe(true)
  })
})
