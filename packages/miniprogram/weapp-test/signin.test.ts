/**
 * The built sign-in page in the simulator: 微信登录 calls wx.login and sends its code to the
 * service; a linked WeChat is signed in and kept on the phone, a new one is asked for its mobile number.
 */
import { bootApp, openPage, pressable, textOf, waitFor } from './sim'

const SESSION = {
  token: 'tok_0123456789abcdefghij',
  expiresAt: '2099-01-01T00:00:00.000Z',
  resident: { id: 'res_1', maskedName: '王*明', maskedIdNumber: null, maskedPhone: '138****5678' },
}

const requests = () => bootApp().wx.calls.filter((c) => c.api === 'request')

it('asks a WeChat seen for the first time for the mobile number, holding the link', async () => {
  const { wx } = bootApp()
  wx.respond((method, url) =>
    method === 'POST' && url.endsWith('/api/v1/sessions/wechat')
      ? {
          status: 201,
          body: JSON.stringify({
            outcome: 'needs-link',
            linkToken: 'L'.repeat(43),
            expiresAt: '2099-01-01T00:15:00.000Z',
          }),
        }
      : { status: 404, body: '' },
  )
  const page = openPage('pages/signin/index', { next: 'records' })
  await waitFor(() => textOf(page).includes('微信登录'), 'the WeChat sign-in button')
  expect(textOf(page)).toContain('用您本人的微信登录')
  pressable(page, '微信登录').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('第一次用微信登录'), 'the link hint')
  expect(wx.calls.filter((c) => c.api === 'login')).toHaveLength(1)
  const call = requests().at(-1)!
  expect(call.options).toMatchObject({ method: 'POST' })
  expect(JSON.parse(String(call.options.data))).toEqual({ code: 'simLoginCode0001' })
  expect(textOf(page)).toContain('获取验证码')
})

it('signs a linked WeChat in at once and keeps the session in the phone’s storage', async () => {
  const { wx } = bootApp()
  wx.respond((method, url) =>
    method === 'POST' && url.endsWith('/api/v1/sessions/wechat')
      ? { status: 201, body: JSON.stringify({ outcome: 'signed-in', ...SESSION }) }
      : { status: 404, body: '' },
  )
  const page = openPage('pages/signin/index', { next: 'records' })
  await waitFor(() => textOf(page).includes('微信登录'), 'the WeChat sign-in button')
  const navigationsBefore = wx.calls.filter((c) => /redirectTo|navigateBack/.test(c.api)).length
  pressable(page, '微信登录').dispatchEvent('tap')
  await waitFor(
    () => wx.calls.filter((c) => /redirectTo|navigateBack/.test(c.api)).length > navigationsBefore,
    'the job to continue',
  )
  expect(wx.calls.filter((c) => c.api === 'redirectTo').at(-1)?.options.url).toBe('/pages/records/index')
  expect(wx.storage.get('bangban.visit.v1')).toMatchObject({ session: { token: SESSION.token } })
})

it('says why when WeChat refuses the code, in words, without leaving the page', async () => {
  const { wx } = bootApp()
  wx.storage.clear()
  wx.respond(() => ({
    status: 401,
    body: JSON.stringify({ error: { code: 'WECHAT_CODE_INVALID', message: 'x' } }),
  }))
  const page = openPage('pages/signin/index', { next: 'book' })
  await waitFor(() => textOf(page).includes('微信登录'), 'the WeChat sign-in button')
  pressable(page, '微信登录').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('微信登录没有成功'), 'the error')
})
