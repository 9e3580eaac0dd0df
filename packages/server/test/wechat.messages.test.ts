/**
 * Subscribe messages: the real adapter against the local stand-in of api.weixin.qq.com (which
 * checks the access token, the template's keywords and WeChat's value rules, and allows one
 * message per acceptance), and the service's timers that send appointment reminders and request
 * progress to the WeChat that subscribed, each once.
 */
import type { Slot } from '@bangban/core/api'
import { consoleSmsProvider } from '../src/auth/sms'
import { manualClock } from '../src/util/clock'
import { DEFAULT_APPOINTMENT_FIELDS } from '../src/wechat/config'
import { sendAppointmentReminders, sendRequestUpdates, wechatTime } from '../src/wechat/messages'
import { fitValue, wechatNotifier, WechatSendError } from '../src/wechat/notifier'
import { startWechatStandIn, type WechatStandIn } from '../src/wechat/standin'
import {
  bearer,
  describeOnEngines,
  staffToken,
  startService,
  TEST_NOW,
  type Started,
  type TestDatabase,
} from './support/service'
import { APPID } from './support/wechat'

const SECRET = '0123456789abcdef0123456789abcdef'
const APPOINTMENT_TEMPLATE = 'tmplAppointment0123456789abcdefghijk'
const REQUEST_TEMPLATE = 'tmplRequest0123456789abcdefghijklmnop'
const TEMPLATES = {
  [APPOINTMENT_TEMPLATE]: ['thing1', 'time2', 'character_string3', 'thing4'],
  [REQUEST_TEMPLATE]: ['character_string1', 'phrase2', 'time3', 'thing4'],
}
const PAGES = ['pages/index/index', 'pages/records/index']

const templates = {
  appointment: {
    id: APPOINTMENT_TEMPLATE,
    fields: { service: 'thing1', time: 'time2', ticket: 'character_string3', place: 'thing4' },
  },
  request: {
    id: REQUEST_TEMPLATE,
    fields: { requestNo: 'character_string1', status: 'phrase2', time: 'time3', note: 'thing4' },
  },
}

describe('subscribe-message adapter against the stand-in', () => {
  const clock = manualClock(TEST_NOW)
  let standIn: WechatStandIn
  beforeAll(async () => {
    standIn = await startWechatStandIn({
      appid: APPID,
      secret: SECRET,
      clock,
      templates: TEMPLATES,
      pages: PAGES,
    })
  })
  afterAll(() => standIn.close())
  const notifier = (over: Partial<Parameters<typeof wechatNotifier>[0]> = {}) =>
    wechatNotifier(
      {
        baseUrl: standIn.baseUrl,
        appid: APPID,
        secret: SECRET,
        miniprogramState: 'formal',
        templates,
        ...over,
      },
      { clock },
    )
  const appointment = (openid: string, place = '幸福里社区卫生服务中心') => ({
    openid,
    kind: 'appointment' as const,
    page: 'pages/records/index',
    fields: { service: '全科', time: '2026年12月2日 08:00', ticket: 'A012', place },
  })

  it('gets a stable access token once, sends what the template asks, and fits long values', async () => {
    standIn.acceptSubscription('oUser0000000000001', APPOINTMENT_TEMPLATE)
    standIn.acceptSubscription('oUser0000000000001', APPOINTMENT_TEMPLATE)
    const n = notifier()
    const longPlace = '幸福里社区卫生服务中心第二门诊部（东院区）预防保健科'
    await expect(n.send(appointment('oUser0000000000001', longPlace))).resolves.toBe('sent')
    await expect(n.send(appointment('oUser0000000000001'))).resolves.toBe('sent')
    expect(standIn.tokensIssued).toHaveLength(1)
    expect(standIn.sent[0]).toEqual({
      touser: 'oUser0000000000001',
      templateId: APPOINTMENT_TEMPLATE,
      page: 'pages/records/index',
      miniprogramState: 'formal',
      lang: 'zh_CN',
      data: {
        thing1: { value: '全科' },
        time2: { value: '2026年12月2日 08:00' },
        character_string3: { value: 'A012' },
        thing4: { value: '幸福里社区卫生服务中心第二门诊部（东院…' },
      },
    })
  })

  it('reads 43101 (no subscription left) as refused, not as a failure', async () => {
    await expect(notifier().send(appointment('oNobody00000000001'))).resolves.toBe('refused')
  })

  it('takes a new token when WeChat ends the old one, and sends once', async () => {
    const n = notifier()
    standIn.acceptSubscription('oUser0000000000002', APPOINTMENT_TEMPLATE)
    await n.send(appointment('oNobody00000000002'))
    standIn.expireTokens()
    await expect(n.send(appointment('oUser0000000000002'))).resolves.toBe('sent')
    expect(standIn.requests.slice(-3).map((r) => `${r.path} ${r.errcode}`)).toEqual([
      '/cgi-bin/message/subscribe/send 42001',
      '/cgi-bin/stable_token 0',
      '/cgi-bin/message/subscribe/send 0',
    ])
  })

  it('throws on what WeChat calls a wrong message (47003, 40037) and says unavailable for an unset template', async () => {
    standIn.acceptSubscription('oUser0000000000003', APPOINTMENT_TEMPLATE)
    const wrongKeywords = notifier({
      templates: {
        ...templates,
        appointment: {
          ...templates.appointment,
          fields: { ...templates.appointment.fields, ticket: 'thing9' },
        },
      },
    })
    await expect(wrongKeywords.send(appointment('oUser0000000000003'))).rejects.toBeInstanceOf(
      WechatSendError,
    )
    expect(standIn.requests.at(-1)!.errcode).toBe(47003)
    const wrongId = notifier({
      templates: {
        ...templates,
        appointment: { ...templates.appointment, id: 'tmplUnknown0123456789abcdefghij' },
      },
    })
    await expect(wrongId.send(appointment('oUser0000000000003'))).rejects.toBeInstanceOf(WechatSendError)
    expect(standIn.requests.at(-1)!.errcode).toBe(40037)
    await expect(
      notifier({ templates: { appointment: null, request: null } }).send(appointment('oUser0000000000003')),
    ).resolves.toBe('unavailable')
  })

  it('the stand-in refuses a stable_token request that is not client_credential JSON', async () => {
    const res = await fetch(`${standIn.baseUrl}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', appid: APPID, secret: SECRET }),
    })
    expect(((await res.json()) as { errcode: number }).errcode).toBe(40002)
  })

  it('fits values to WeChat’s rules by keyword type', () => {
    expect(fitValue('phrase2', '已经处理好了')).toBe('已经处理好')
    expect(fitValue('character_string1', 'R2026 1201 007')).toBe('R20261201007')
    expect(fitValue('thing4', 'x'.repeat(25))).toHaveLength(20)
    expect(DEFAULT_APPOINTMENT_FIELDS).toContain('time=time2')
  })
})

type MessagingService = Started & { standIn: WechatStandIn; sms: ReturnType<typeof consoleSmsProvider> }

const withMessages = {
  start: async (database: TestDatabase): Promise<MessagingService> => {
    const clock = manualClock(TEST_NOW)
    const standIn = await startWechatStandIn({
      appid: APPID,
      secret: SECRET,
      clock,
      templates: TEMPLATES,
      pages: PAGES,
    })
    const sms = consoleSmsProvider({ info: () => undefined })
    const service = await startService(database, clock, {
      sms,
      env: {
        WECHAT_API_BASE_URL: standIn.baseUrl,
        WECHAT_APPID: APPID,
        WECHAT_APPSECRET: SECRET,
        WECHAT_TEMPLATE_APPOINTMENT_ID: APPOINTMENT_TEMPLATE,
        WECHAT_TEMPLATE_REQUEST_ID: REQUEST_TEMPLATE,
      },
    })
    return Object.assign(service, { standIn, sms })
  },
  stop: (first: MessagingService) => first.standIn.close(),
}

describeOnEngines('WeChat messages from the service', withMessages, (on) => {
  const openid = 'oResident000000001'
  let token: string
  let residentId: string
  const deps = () => ({
    db: on.service.ctx.db,
    clock: on.service.ctx.clock,
    notifier: on.service.ctx.wechat.notifier,
  })
  const subscribe = (accepted: string[], who = token) =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/me/wechat-subscriptions',
      headers: bearer(who),
      payload: { accepted },
    })

  beforeAll(async () => {
    const app = on.service.app
    const signIn = async () =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/sessions/wechat',
          payload: { code: on.service.standIn.issueCode(openid) },
        })
      ).json()
    const start = await signIn()
    const phone = '13600007777'
    await app.inject({ method: 'POST', url: '/api/v1/sessions/phone-code', payload: { phone } })
    const linked = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/sessions/wechat/link',
        payload: { linkToken: start.linkToken, phone, code: on.service.sms.sent.at(-1)!.code },
      })
    ).json()
    token = linked.token
    residentId = linked.resident.id
  })

  it('offers the configured templates to the mini-program', async () => {
    const res = await on.service.app.inject({ url: '/api/v1/wechat/subscribe-templates' })
    expect(res.json()).toEqual({ appointment: APPOINTMENT_TEMPLATE, request: REQUEST_TEMPLATE })
  })

  it('records acceptances from a WeChat session only', async () => {
    const phone = '13600008888'
    await on.service.app.inject({ method: 'POST', url: '/api/v1/sessions/phone-code', payload: { phone } })
    const byPhone = (
      await on.service.app.inject({
        method: 'POST',
        url: '/api/v1/sessions/phone',
        payload: { phone, code: on.service.sms.sent.at(-1)!.code },
      })
    ).json()
    expect((await subscribe(['appointment'], byPhone.token)).statusCode).toBe(403)
    expect((await subscribe(['appointment'], 'x'.repeat(43))).statusCode).toBe(401)
  })

  it('reminds of an appointment less than a day ahead, once, and not at night', async () => {
    const slots = (
      await on.service.app.inject({ url: '/api/v1/slots?serviceId=svc-general&date=2026-12-03' })
    ).json() as Slot[]
    const booked = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: bearer(token),
      payload: { slotId: slots[0]!.id },
    })
    expect(booked.statusCode).toBe(201)
    expect((await subscribe(['appointment'])).json()).toEqual({ credits: { appointment: 1, request: 0 } })
    on.service.standIn.acceptSubscription(openid, APPOINTMENT_TEMPLATE)
    // 2026-12-01 09:00 in Shanghai: the 2026-12-03 08:00 appointment is two days ahead.
    on.service.clock.set('2026-12-01T01:00:00.000Z')
    expect(await sendAppointmentReminders(deps())).toBe(0)
    // 2026-12-01 22:00 and 2026-12-02 07:59: quiet hours.
    on.service.clock.set('2026-12-01T14:00:00.000Z')
    expect(await sendAppointmentReminders(deps())).toBe(0)
    on.service.clock.set('2026-12-01T23:59:00.000Z')
    expect(await sendAppointmentReminders(deps())).toBe(0)
    // 2026-12-02 08:00: one day ahead, and awake.
    on.service.clock.set('2026-12-02T00:00:00.000Z')
    expect(await sendAppointmentReminders(deps())).toBe(1)
    expect(await sendAppointmentReminders(deps())).toBe(0)
    const message = on.service.standIn.sent.at(-1)!
    expect(message).toMatchObject({
      touser: openid,
      templateId: APPOINTMENT_TEMPLATE,
      page: 'pages/records/index',
    })
    expect(message.data).toEqual({
      thing1: { value: '全科' },
      time2: { value: wechatTime(slots[0]!.startsAt) },
      character_string3: { value: booked.json().ticketNo },
      thing4: { value: '幸福里社区卫生服务中心' },
    })
    expect(wechatTime(slots[0]!.startsAt)).toBe('2026年12月3日 08:00')
    const row = await on.service.ctx.db
      .selectFrom('wechat_subscriptions')
      .select('credits')
      .where('openid', '=', openid)
      .where('kind', '=', 'appointment')
      .executeTakeFirstOrThrow()
    expect(row.credits).toBe(0)
  })

  it('tells the resident when a grid worker accepts and resolves their request, while credits last', async () => {
    on.service.clock.set('2026-12-02T02:00:00.000Z')
    expect((await subscribe(['request', 'request'])).json().credits.request).toBe(1)
    expect((await subscribe(['request'])).json().credits.request).toBe(2)
    on.service.standIn.acceptSubscription(openid, REQUEST_TEMPLATE)
    on.service.standIn.acceptSubscription(openid, REQUEST_TEMPLATE)
    on.service.clock.advance(60_000)
    const created = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: bearer(token),
      payload: {
        categoryId: 'cat-repair',
        description: '楼道灯不亮',
        contactPhone: '13600007777',
        gridId: 'grid-xfl-2',
      },
    })
    expect(created.statusCode).toBe(201)
    const id = created.json().id as string
    // Submitting and dispatching is not news to the resident who just did it.
    expect(await sendRequestUpdates(deps())).toBe(0)
    const worker = await staffToken(on.service, 'G2002')
    const act = (action: string, payload?: object) =>
      on.service.app.inject({
        method: 'POST',
        url: `/api/v1/staff/requests/${id}/${action}`,
        headers: bearer(worker),
        ...(payload ? { payload } : {}),
      })
    on.service.clock.advance(60_000)
    expect((await act('accept')).statusCode).toBe(200)
    expect(await sendRequestUpdates(deps())).toBe(1)
    expect(on.service.standIn.sent.at(-1)!.data).toMatchObject({
      character_string1: { value: created.json().requestNo },
      phrase2: { value: '已接单' },
      thing4: { value: '网格员已接单，会尽快联系您' },
    })
    on.service.clock.advance(60_000)
    await act('resolve', { note: '换了新灯泡' })
    expect(await sendRequestUpdates(deps())).toBe(1)
    expect(on.service.standIn.sent.at(-1)!.data.phrase2).toEqual({ value: '待评价' })
    // No credit left: nothing more, and nothing twice.
    expect(await sendRequestUpdates(deps())).toBe(0)
    const rows = await on.service.ctx.db
      .selectFrom('wechat_messages')
      .select(['kind', 'status', 'resident_id'])
      .where('kind', '=', 'request')
      .execute()
    expect(rows).toEqual([
      { kind: 'request', status: 'sent', resident_id: residentId },
      { kind: 'request', status: 'sent', resident_id: residentId },
    ])
  })
})
