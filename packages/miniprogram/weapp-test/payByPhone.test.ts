/**
 * Paying in the mini-program as a resident who signed in with their phone number (no WeChat behind
 * the session): the service asks for WeChat to be linked, the screen says so in plain words and
 * links this WeChat with one press; WeChat's payment sheet then opens, and closing it without
 * paying leaves 重新付款 (the same order) and 重新选账单, not a wait for ever. Then 注销账号.
 */
import { bearer } from '../../server/test/support/service'
import { phoneSession, startTestService, type TestService } from './service'
import { bootApp, openPage, pressable, textOf, waitFor, waitForPage, type SimComponent } from './sim'

let test: TestService
let token: string

beforeAll(async () => {
  test = await startTestService()
  const { stored } = await phoneSession(test.service, 3, 'phone')
  token = (stored.session as { token: string }).token
  const { wx } = bootApp({ 'bangban.visit.v1': stored })
  wx.respond(test.handler)
})
afterAll(() => test.close())

const pause = (ms = 60) => new Promise((resolve) => setTimeout(resolve, ms))

async function typeDigits(page: SimComponent, digits: string): Promise<void> {
  for (const digit of digits) {
    pressable(page, digit).dispatchEvent('tap')
    await pause()
  }
}

it('links WeChat in plain words, then a cancelled payment sheet can be opened again', async () => {
  const { wx } = bootApp()
  const page = openPage('pages/pay/index')
  await waitFor(() => textOf(page).includes('水费'), 'the account kinds')
  pressable(page, '水费').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('请输入水费户号'), 'the keypad')
  await typeDigits(page, '1000001')
  pressable(page, '查找账单').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('合计'), 'the bills')
  // Nothing is ticked by default: the resident ticks the bill.
  page.querySelectorAll('.bb-checkbox')[0]!.dispatchEvent('tap')
  await pause()
  const payNow = page.querySelectorAll('.bb-pressable').find((c) => textOf(c).trim().startsWith('付款 '))!
  payNow.dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('连接我的微信'), 'the link offer')
  expect(textOf(page)).toContain('您是用手机号登录的')
  expect(textOf(page)).not.toContain('填写的内容有误')
  expect(wx.calls.some((c) => c.api === 'requestPayment')).toBe(false)

  wx.answer('requestPayment', { errMsg: 'requestPayment:fail cancel' }, true)
  pressable(page, '连接我的微信').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('重新付款'), 'the way on after the cancelled sheet')
  expect(test.seen).toEqual(expect.arrayContaining(['POST /api/v1/me/wechat', 'POST /api/v1/payments']))
  // The payer is the WeChat just linked: the phone named no openid.
  const created = wx.calls.filter((c) => c.api === 'request' && /\/payments$/.test(String(c.options.url)))
  for (const call of created) expect(String(call.options.data)).not.toContain('openid')
  expect(textOf(page)).toContain('您还没有付款，钱没有扣。')
  expect(textOf(page)).not.toContain('正在等待付款')
  const sheets = () => wx.calls.filter((c) => c.api === 'requestPayment')
  expect(sheets()).toHaveLength(1)

  pressable(page, '重新付款').dispatchEvent('tap')
  await waitFor(() => sheets().length === 2, 'the payment sheet again')
  expect(sheets()[1]!.options).toEqual(sheets()[0]!.options)
  await waitFor(() => textOf(page).includes('正在等待付款'), 'the wait for the payment')

  // A failed sheet (not a cancel) says so, and 重新选账单 steps back one step.
  const again = wx.calls.length
  wx.answer('requestPayment', { errMsg: 'requestPayment:fail system error' }, true)
  pressable(page, '返回').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('合计'), 'the bills again')
  expect(wx.calls.length).toBeGreaterThanOrEqual(again)
})

it('deletes the account after asking twice, and the phone forgets it', async () => {
  const { wx } = bootApp()
  const account = openPage('pages/account/index')
  await waitFor(() => textOf(account).includes('注销账号'), 'the account page')
  pressable(account, '注销账号').dispatchEvent('tap')
  await waitFor(() => textOf(account).includes('确定要注销账号吗'), 'the question')
  pressable(account, '确定注销').dispatchEvent('tap')
  await waitForPage('pages/index/index')
  expect(test.seen).toContain('DELETE /api/v1/me')
  await waitFor(
    () => !(wx.storage.get('bangban.visit.v1') as { session?: unknown } | undefined)?.session,
    'the session to be forgotten',
  )
  const me = await test.service.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })
  expect(me.statusCode).toBe(401)
})
