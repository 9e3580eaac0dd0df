/**
 * The mini-program as a phone at home, not a kiosk: WeChat's privacy flow before the camera scan
 * (the app's own prompt, the guide one press away, WeChat's agree button), a privacy notice where
 * the phone number is asked for, 呼叫帮办员 that offers to call the community's line or book the
 * counter, no "这台机器" wording, and the text size following WeChat's font setting when the
 * resident comes back from changing it.
 */
import { bootApp, openPage, pressable, textOf, waitFor, type SimComponent } from './sim'

beforeAll(() => {
  bootApp(
    {
      'bangban.visit.v1': {
        language: 'zh-CN',
        session: {
          token: 'tok_0123456789abcdefghij',
          expiresAt: '2099-01-01T00:00:00.000Z',
          resident: { id: 'res_1', maskedName: '王*明', maskedIdNumber: null, maskedPhone: null },
        },
      },
    },
    { privacyAgreed: false },
  )
  bootApp().wx.respond(() => ({ status: 404, body: '' }))
})

const agreeButton = (page: SimComponent) =>
  page.querySelectorAll('.bb-privacy .bb-pressable').find((c) => textOf(c).trim() === '同意并继续')

it('asks for the privacy guide before the camera scan, and scans once agreed', async () => {
  const { wx } = bootApp()
  expect(wx.privacyListener).not.toBeNull()
  const page = openPage('pages/scan-consent/index')
  await waitFor(() => textOf(page).includes('扫一扫'), 'the scan button')
  // Refused first: the scan does not happen, and the screen says why in plain words.
  pressable(page, '扫一扫').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('请先看一下隐私保护指引'), 'the privacy prompt')
  expect(textOf(page)).toContain('用扫一扫前')
  pressable(page, '不同意').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('您没有同意'), 'the refusal')
  expect(textOf(page)).not.toContain('系统出了点问题')
  expect(wx.privacyAgreed).toBe(false)

  wx.answer('scanCode', { result: 'weixin://wxpay/bizpayurl?pr=abc', errMsg: 'scanCode:ok' })
  pressable(page, '扫一扫').dispatchEvent('tap')
  await waitFor(() => agreeButton(page) !== undefined, 'the prompt again')
  pressable(page, '查看隐私保护指引').dispatchEvent('tap')
  await waitFor(() => wx.calls.some((c) => c.api === 'openPrivacyContract'), 'the guide')
  agreeButton(page)!.dispatchEvent('agreeprivacyauthorization')
  await waitFor(() => textOf(page).includes('这不是帮办通的授权二维码'), 'the scan after agreeing')
  expect(wx.privacyAgreed).toBe(true)
  expect(textOf(page)).not.toContain('请先看一下隐私保护指引')
})

it('says what the phone number is for where it is asked', async () => {
  const page = openPage('pages/signin/index', { next: 'records' })
  await waitFor(() => textOf(page).includes('用手机号登录'), 'the sign-in page')
  pressable(page, '用手机号登录').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('您的手机号只用来登录'), 'the notice')
  expect(textOf(page)).toContain('查看隐私保护指引')
})

it('offers the community’s helper line and a counter booking, in phone words', async () => {
  const { wx } = bootApp()
  const page = openPage('pages/index/index')
  await waitFor(() => textOf(page).includes('呼叫帮办员'), 'the home page')
  expect(textOf(page)).not.toContain('这台机器')
  pressable(page, '呼叫帮办员').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('需要帮忙？'), 'the help notice')
  expect(textOf(page)).toContain('预约到窗口办')
  expect(textOf(page)).not.toContain('举手示意工作人员')
  if (textOf(page).includes('打电话给帮办员')) {
    pressable(page, '打电话给帮办员').dispatchEvent('tap')
    await waitFor(() => wx.calls.some((c) => c.api === 'makePhoneCall'), 'the dialler')
  }
  pressable(page, '预约到窗口办').dispatchEvent('tap')
  await waitFor(
    () => wx.calls.some((c) => c.api === 'navigateTo' && c.options.url === '/pages/book/index'),
    'booking',
  )
})

it('follows WeChat’s font setting when the resident comes back from changing it', async () => {
  const { wx } = bootApp()
  const page = openPage('pages/index/index')
  await waitFor(() => textOf(page).includes('预约挂号'), 'the home page')
  const size = () => page.querySelector('.bb-screen')!.dom.className
  expect(size()).toContain('bb-text-large')
  wx.setFontSize(23.8) // 关怀模式
  wx.comeBack()
  await waitFor(() => size().includes('bb-text-extraLarge'), 'the larger text')
  wx.setFontSize(17)
  wx.comeBack()
  await waitFor(() => size().includes('bb-text-large') && !size().includes('extraLarge'), 'the smaller text')
})
