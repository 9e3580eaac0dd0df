/**
 * WeChat sign-in from the mini-program: the real code2Session adapter against the local stand-in
 * of api.weixin.qq.com (which refuses what WeChat refuses: a wrong AppSecret, a code used twice or
 * too old, any other query), the first-time link by mobile number, and JSAPI payments ordered for
 * the openid of the WeChat session.
 */
import { createVerify } from 'node:crypto'
import type { Payment } from '@bangban/core/api'
import { consoleSmsProvider } from '../src/auth/sms'
import { ConfigError, loadConfig } from '../src/config'
import type { Service } from '../src/service'
import { manualClock } from '../src/util/clock'
import { AppError } from '../src/util/errors'
import { wechatAuth } from '../src/wechat/auth'
import { startWechatStandIn, type WechatStandIn } from '../src/wechat/standin'
import {
  bearer,
  describeOnEngines,
  startService,
  TEST_NOW,
  testDatabase,
  type Started,
  type TestDatabase,
} from './support/service'
import { APPID, merchantKeys, startWechatService, wechatSetup, type WechatSetup } from './support/wechat'

const SECRET = '0123456789abcdef0123456789abcdef'

function refusedWith(code: string) {
  return expect.objectContaining({ name: 'AppError', code })
}

describe('code2Session adapter against the stand-in', () => {
  const clock = manualClock(TEST_NOW)
  let standIn: WechatStandIn
  const warnings: string[] = []
  const log = {
    warn: (details: Record<string, unknown>, message: string) =>
      warnings.push(`${message} ${JSON.stringify(details)}`),
  }
  beforeAll(async () => {
    standIn = await startWechatStandIn({ appid: APPID, secret: SECRET, clock })
  })
  afterAll(() => standIn.close())
  const auth = () => wechatAuth({ baseUrl: standIn.baseUrl, appid: APPID, secret: SECRET }, { log })

  it('exchanges a code for the openid (and unionid), sending exactly what WeChat asks for', async () => {
    const code = standIn.issueCode('oUser0000000000001', 'uUnion000001')
    await expect(auth().code2Session(code)).resolves.toEqual({
      openid: 'oUser0000000000001',
      unionid: 'uUnion000001',
    })
    expect(standIn.requests.at(-1)).toEqual({ method: 'GET', path: '/sns/jscode2session', errcode: 0 })
    const noUnion = standIn.issueCode('oUser0000000000002')
    await expect(auth().code2Session(noUnion)).resolves.toEqual({
      openid: 'oUser0000000000002',
      unionid: null,
    })
  })

  it('refuses a code used twice, unknown or older than five minutes as WECHAT_CODE_INVALID', async () => {
    const code = standIn.issueCode('oUser0000000000003')
    await auth().code2Session(code)
    await expect(auth().code2Session(code)).rejects.toEqual(refusedWith('WECHAT_CODE_INVALID'))
    expect(standIn.requests.at(-1)!.errcode).toBe(40163)
    await expect(auth().code2Session('neverIssued0001')).rejects.toEqual(refusedWith('WECHAT_CODE_INVALID'))
    expect(standIn.requests.at(-1)!.errcode).toBe(40029)
    const old = standIn.issueCode('oUser0000000000004')
    clock.advance(5 * 60_000 + 1000)
    await expect(auth().code2Session(old)).rejects.toEqual(refusedWith('WECHAT_CODE_INVALID'))
  })

  it('says WECHAT_UNAVAILABLE for a wrong AppSecret, a busy WeChat or no answer, and logs no secret', async () => {
    const wrongSecret = wechatAuth(
      { baseUrl: standIn.baseUrl, appid: APPID, secret: 'ffffffffffffffffffffffffffffffff' },
      { log },
    )
    await expect(wrongSecret.code2Session(standIn.issueCode('oUser0000000000005'))).rejects.toEqual(
      refusedWith('WECHAT_UNAVAILABLE'),
    )
    expect(standIn.requests.at(-1)!.errcode).toBe(40125)
    standIn.failNext('/sns/jscode2session', -1, 'system error')
    await expect(auth().code2Session(standIn.issueCode('oUser0000000000006'))).rejects.toEqual(
      refusedWith('WECHAT_UNAVAILABLE'),
    )
    standIn.failNext('/sns/jscode2session', 45011, 'api minute-quota reach limit')
    await expect(auth().code2Session(standIn.issueCode('oUser0000000000007'))).rejects.toEqual(
      refusedWith('WECHAT_UNAVAILABLE'),
    )
    const nobody = wechatAuth({ baseUrl: 'http://127.0.0.1:9', appid: APPID, secret: SECRET }, { log })
    await expect(nobody.code2Session('abc123')).rejects.toEqual(refusedWith('WECHAT_UNAVAILABLE'))
    expect(warnings.length).toBeGreaterThanOrEqual(4)
    for (const line of warnings) expect(line).not.toContain(SECRET)
  })

  it('refuses a user WeChat blocks (40226) as FORBIDDEN', async () => {
    standIn.failNext('/sns/jscode2session', 40226, 'high risk user')
    await expect(auth().code2Session(standIn.issueCode('oUser0000000000008'))).rejects.toEqual(
      refusedWith('FORBIDDEN'),
    )
  })

  it('the stand-in holds to the protocol: GET only, the four parameters, grant_type authorization_code', async () => {
    const base = `${standIn.baseUrl}/sns/jscode2session`
    const ask = async (query: string, method = 'GET') =>
      (await (await fetch(`${base}?${query}`, { method })).json()) as { errcode?: number }
    const code = standIn.issueCode('oUser0000000000009')
    expect((await ask(`appid=${APPID}&secret=${SECRET}&js_code=${code}`)).errcode).toBe(40002)
    expect(
      (await ask(`appid=${APPID}&secret=${SECRET}&js_code=${code}&grant_type=client_credential`)).errcode,
    ).toBe(40002)
    expect(
      (await ask(`appid=${APPID}&secret=${SECRET}&js_code=${code}&grant_type=authorization_code&x=1`))
        .errcode,
    ).toBe(40097)
    expect(
      (await ask(`appid=wx0000000000000000&secret=${SECRET}&js_code=${code}&grant_type=authorization_code`))
        .errcode,
    ).toBe(40013)
    expect(
      (await ask(`appid=${APPID}&secret=${SECRET}&js_code=${code}&grant_type=authorization_code`, 'POST'))
        .errcode,
    ).toBe(43001)
  })

  it('rejects a non-WeChat answer (not JSON) as WECHAT_UNAVAILABLE', async () => {
    const html: typeof fetch = async () => new Response('<html>502 Bad Gateway</html>', { status: 200 })
    const broken = wechatAuth(
      { baseUrl: 'https://api.weixin.qq.com', appid: APPID, secret: SECRET },
      { fetch: html },
    )
    await expect(broken.code2Session('abc123')).rejects.toBeInstanceOf(AppError)
  })
})

describe('WeChat configuration', () => {
  const base = { DATABASE_URL: 'sqlite::memory:' }

  it('is off (development stand-in) when nothing is set, and all-or-nothing otherwise', () => {
    expect(loadConfig(base).wechat).toBeNull()
    expect(() => loadConfig({ ...base, WECHAT_APPID: APPID })).toThrow(/WECHAT_APPSECRET is missing/)
    expect(() => loadConfig({ ...base, WECHAT_APPID: 'nope', WECHAT_APPSECRET: SECRET })).toThrow(
      /WECHAT_APPID must look like wx/,
    )
    const config = loadConfig({ ...base, WECHAT_APPID: APPID, WECHAT_APPSECRET: SECRET })
    expect(config.wechat).toMatchObject({
      appid: APPID,
      baseUrl: 'https://api.weixin.qq.com',
      miniprogramState: 'formal',
      templates: { appointment: null, request: null },
    })
  })

  it('refuses a plain-http API address other than a local stand-in', () => {
    expect(() =>
      loadConfig({
        ...base,
        WECHAT_APPID: APPID,
        WECHAT_APPSECRET: SECRET,
        WECHAT_API_BASE_URL: 'http://example.com',
      }),
    ).toThrow(ConfigError)
  })
})

type WechatSignInService = Started & {
  standIn: WechatStandIn
  sms: ReturnType<typeof consoleSmsProvider>
}

const withStandIn = {
  start: async (database: TestDatabase): Promise<WechatSignInService> => {
    const clock = manualClock(TEST_NOW)
    const standIn = await startWechatStandIn({ appid: APPID, secret: SECRET, clock })
    const sms = consoleSmsProvider({ info: () => undefined })
    const service = await startService(database, clock, {
      sms,
      env: { WECHAT_API_BASE_URL: standIn.baseUrl, WECHAT_APPID: APPID, WECHAT_APPSECRET: SECRET },
    })
    return Object.assign(service, { standIn, sms })
  },
  stop: (first: WechatSignInService) => first.standIn.close(),
}

describeOnEngines('WeChat sign-in', withStandIn, (on) => {
  const signIn = (code: string) =>
    on.service.app.inject({ method: 'POST', url: '/api/v1/sessions/wechat', payload: { code } })
  const link = (payload: object) =>
    on.service.app.inject({ method: 'POST', url: '/api/v1/sessions/wechat/link', payload })
  const smsCode = async (phone: string) => {
    await on.service.app.inject({ method: 'POST', url: '/api/v1/sessions/phone-code', payload: { phone } })
    return on.service.sms.sent.at(-1)!.code
  }

  it('links a new WeChat user by mobile number once; later sign-ins need only WeChat', async () => {
    const openid = 'oNewUser0000000001'
    const first = await signIn(on.service.standIn.issueCode(openid))
    expect(first.statusCode).toBe(201)
    const { outcome, linkToken, expiresAt } = first.json()
    expect(outcome).toBe('needs-link')
    expect(Date.parse(expiresAt)).toBe(Date.parse(TEST_NOW) + 15 * 60_000)
    expect(first.body).not.toContain(openid)

    const phone = '13600001111'
    const code = await smsCode(phone)
    const wrong = await link({ linkToken, phone, code: code === '000000' ? '111111' : '000000' })
    expect(wrong.json().error.code).toBe('CODE_INVALID')
    const linked = await link({ linkToken, phone, code })
    expect(linked.statusCode).toBe(201)
    expect(linked.json().resident.maskedPhone).toBe('136****1111')
    expect(linked.body).not.toContain(openid)
    const me = await on.service.app.inject({ url: '/api/v1/me', headers: bearer(linked.json().token) })
    expect(me.json().id).toBe(linked.json().resident.id)

    // The link token works once.
    const again = await link({ linkToken, phone, code: await smsCodeLater(phone) })
    expect(again.json().error.code).toBe('WECHAT_CODE_INVALID')

    const later = await signIn(on.service.standIn.issueCode(openid))
    expect(later.statusCode).toBe(201)
    expect(later.json()).toMatchObject({ outcome: 'signed-in', resident: { id: linked.json().resident.id } })
    expect(later.body).not.toContain(openid)

    const audit = await on.service.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'subject_id'])
      .where('subject_id', '=', linked.json().resident.id)
      .orderBy('seq')
      .execute()
    expect(audit.map((row) => row.action)).toEqual(['linkWechat', 'signInWithWechat'])
  })

  /** The next SMS code may only be asked for a minute later. */
  async function smsCodeLater(phone: string) {
    on.service.clock.advance(61_000)
    return smsCode(phone)
  }

  it('links to the resident who already has that mobile number', async () => {
    const phone = '13600002222'
    const viaPhone = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/phone',
      payload: { phone, code: await smsCode(phone) },
    })
    const residentId = viaPhone.json().resident.id
    const start = (await signIn(on.service.standIn.issueCode('oExisting000000001'))).json()
    on.service.clock.advance(61_000)
    const linked = await link({ linkToken: start.linkToken, phone, code: await smsCode(phone) })
    expect(linked.json().resident.id).toBe(residentId)
  })

  it('lets a link token lapse after 15 minutes, before any SMS code is spent', async () => {
    const start = (await signIn(on.service.standIn.issueCode('oLapsed00000000001'))).json()
    const phone = '13600003333'
    const code = await smsCode(phone)
    on.service.clock.advance(15 * 60_000 + 1)
    const lapsed = await link({ linkToken: start.linkToken, phone, code })
    expect(lapsed.statusCode).toBe(401)
    expect(lapsed.json().error.code).toBe('WECHAT_CODE_INVALID')
  })

  it('answers a refused code 401 WECHAT_CODE_INVALID and a busy WeChat 503 WECHAT_UNAVAILABLE', async () => {
    const refused = await signIn('notAWechatCode01')
    expect(refused.statusCode).toBe(401)
    expect(refused.json().error.code).toBe('WECHAT_CODE_INVALID')
    on.service.standIn.failNext('/sns/jscode2session', -1)
    const busy = await signIn(on.service.standIn.issueCode('oBusy0000000000001'))
    expect(busy.statusCode).toBe(503)
    expect(busy.json().error.code).toBe('WECHAT_UNAVAILABLE')
  })

  it('validates the body: a code is letters, digits, _ and - only; a link token is long', async () => {
    expect((await signIn('has space')).statusCode).toBe(400)
    expect((await link({ linkToken: 'short', phone: '13600004444', code: '123456' })).statusCode).toBe(400)
  })
})

describe('WeChat sign-in without WECHAT_* (development stand-in)', () => {
  let service: Started
  let database: TestDatabase
  beforeAll(async () => {
    database = testDatabase('sqlite')
    service = await startService(database)
  })
  afterAll(async () => {
    await service.close()
    await database.drop()
  })

  it('takes any code as a development user who links by mobile number', async () => {
    const res = await service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/wechat',
      payload: { code: 'devtoolsCode01' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().outcome).toBe('needs-link')
    expect(service.ctx.wechat.auth.name).toBe('development')
  })
})

type PayService = Service & { setup: WechatSetup; standIn: WechatStandIn }

const payAndSignIn = {
  start: async (database: TestDatabase): Promise<PayService> => {
    const paySetup = await wechatSetup(database, manualClock(TEST_NOW))
    const standIn = await startWechatStandIn({ appid: APPID, secret: SECRET, clock: paySetup.clock })
    const setup = {
      ...paySetup,
      env: {
        ...paySetup.env,
        WECHAT_API_BASE_URL: standIn.baseUrl,
        WECHAT_APPID: APPID,
        WECHAT_APPSECRET: SECRET,
      },
    }
    return Object.assign(await startWechatService(database, setup), { setup, standIn })
  },
  stop: async (first: PayService) => {
    await first.standIn.close()
    await first.setup.close()
  },
}

describeOnEngines('JSAPI payments for the WeChat session’s user', payAndSignIn, (on) => {
  let token: string
  const openid = 'oPayer000000000001'

  beforeAll(async () => {
    const signIn = async () =>
      (
        await on.service.app.inject({
          method: 'POST',
          url: '/api/v1/sessions/wechat',
          payload: { code: on.service.standIn.issueCode(openid) },
        })
      ).json()
    const start = await signIn()
    const phone = '13600005555'
    await on.service.app.inject({ method: 'POST', url: '/api/v1/sessions/phone-code', payload: { phone } })
    // Without an SMS provider of its own the service writes codes to its development outbox.
    const code = (on.service.ctx.sms as ReturnType<typeof consoleSmsProvider>).sent.at(-1)!.code
    await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/wechat/link',
      payload: { linkToken: start.linkToken, phone, code },
    })
    const signedIn = await signIn()
    expect(signedIn.outcome).toBe('signed-in')
    token = signedIn.token
  })

  const pay = (payload: object, who = token) =>
    on.service.app.inject({ method: 'POST', url: '/api/v1/payments', headers: bearer(who), payload })

  it('orders for the openid of the WeChat session, with a paySign over appId, timeStamp, nonceStr and package', async () => {
    const res = await pay({ billIds: ['bill-g3000001-1'], method: 'wechat-jsapi' })
    expect(res.statusCode).toBe(201)
    const payment = res.json() as Payment
    expect(on.service.setup.standIn.orders.get(payment.id)!).toMatchObject({
      tradeType: 'JSAPI',
      payerOpenid: openid,
    })
    const p = payment.requestPayment!
    const message = `${APPID}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`
    expect(
      createVerify('RSA-SHA256').update(message).verify(merchantKeys.publicKey, p.paySign, 'base64'),
    ).toBe(true)
  })

  it('refuses any openid in the body: the payer is the session’s WeChat user', async () => {
    const res = await pay({
      billIds: ['bill-w1000001-1'],
      method: 'wechat-jsapi',
      payerOpenid: 'oSomeoneElse0001',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })
})
