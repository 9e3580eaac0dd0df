/**
 * A family member's 亲友代办 card opened on a phone that never signed in: sign-in comes first and
 * the request is still there after it (the card's family and t survive the redirect); then the
 * resident's own account: 解除微信绑定 forgets the session on the phone and at the service.
 */
import { bearer } from '../../server/test/support/service'
import { phoneSession, startTestService, type TestService } from './service'
import { bootApp, currentQuery, openPage, pageStack, pressable, textOf, waitFor, waitForPage } from './sim'

let test: TestService

beforeAll(async () => {
  test = await startTestService()
  const { wx } = bootApp()
  wx.respond(test.handler)
})
afterAll(() => test.close())

it('keeps the family request through the first sign-in, then shows it', async () => {
  const { wx } = bootApp()
  // The family member (resident 2) asks; resident 1 already linked this phone's WeChat at a counter.
  const member = await phoneSession(test.service, 2)
  const asked = await test.service.app.inject({
    method: 'POST',
    url: '/api/v1/family-grants',
    headers: bearer((member.stored.session as { token: string }).token),
    payload: { scopes: ['booking', 'payment'] },
  })
  expect(asked.statusCode).toBe(201)
  const { qrPayload } = asked.json() as { qrPayload: string }
  const card = Object.fromEntries(new URL(qrPayload).searchParams) as { id: string; t: string }
  const elder = await phoneSession(test.service, 1)
  const linked = await test.service.app.inject({
    method: 'POST',
    url: '/api/v1/me/wechat',
    headers: bearer((elder.stored.session as { token: string }).token),
    payload: { code: 'simLoginCode0001' },
  })
  expect(linked.statusCode).toBe(204)

  openPage('pages/scan-consent/index', { family: card.id, t: card.t })
  const signIn = await waitForPage('pages/signin/index')
  // Redirected, not stacked: the signed-out page is gone, the card's request rides in the query.
  expect(pageStack()).toEqual(['pages/signin/index'])
  expect(currentQuery()).toMatchObject({ next: 'scanConsent', family: card.id, t: card.t })
  await waitFor(() => textOf(signIn).includes('微信登录'), 'the WeChat sign-in button')
  pressable(signIn, '微信登录').dispatchEvent('tap')
  const scan = await waitForPage('pages/scan-consent/index')
  await waitFor(() => textOf(scan).includes('请求代您办理'), 'the family request after sign-in')
  expect(textOf(scan)).toContain('预约挂号、生活缴费')
  expect(test.seen).toContain(`GET /api/v1/family-grants/${card.id}?qrToken=${card.t}`)
  pressable(scan, '同意').dispatchEvent('tap')
  await waitFor(() => textOf(scan).includes('家人现在可以在微信里为您办理了'), 'the agreement')
  expect(wx.storage.get('bangban.visit.v1')).toMatchObject({ session: { token: expect.any(String) } })
})

it('unlinks WeChat from 我的账号: the session ends at the service and on the phone', async () => {
  const { wx } = bootApp()
  const { token } = (wx.storage.get('bangban.visit.v1') as { session: { token: string } }).session
  const records = openPage('pages/records/index')
  await waitFor(() => textOf(records).includes('我的账号和隐私'), 'the account button')
  pressable(records, '我的账号和隐私').dispatchEvent('tap')
  const account = await waitForPage('pages/account/index')
  await waitFor(() => textOf(account).includes('解除微信绑定'), 'the account page')
  expect(textOf(account)).toContain('注销账号')
  pressable(account, '查看隐私保护指引').dispatchEvent('tap')
  await waitFor(() => wx.calls.some((c) => c.api === 'openPrivacyContract'), 'the privacy guide')
  pressable(account, '解除微信绑定').dispatchEvent('tap')
  await waitForPage('pages/index/index')
  expect(test.seen).toContain('DELETE /api/v1/me/wechat')
  expect(
    (wx.storage.get('bangban.visit.v1') as { session?: unknown } | undefined)?.session ?? null,
  ).toBeNull()
  const me = await test.service.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })
  expect(me.statusCode).toBe(401)
})
