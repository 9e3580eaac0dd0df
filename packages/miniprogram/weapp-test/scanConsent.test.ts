/**
 * The built 扫码授权 page in the simulator: scan (camera only) → the grant fetched with the QR
 * token → who asks, for what and how long, shown large → 同意 sends the token back.
 */
import { bootApp, openPage, pressable, textOf, waitFor } from './sim'

const QR = 'bangban://consent?id=con_1&t=abcdefghijklmnop'
const consent = (status: string) => ({
  id: 'con_1',
  status,
  scopes: ['booking', 'payment'],
  minutes: 30,
  helper: { maskedName: '张*', staffNo: 'H1001' },
  resident: status === 'pending' ? null : { maskedName: '王*明' },
  requestedAt: '2026-12-01T00:00:00.000Z',
  pendingUntil: '2099-12-01T00:10:00.000Z',
  approvedAt: status === 'approved' ? '2026-12-01T00:01:00.000Z' : null,
  expiresAt: status === 'approved' ? '2099-12-01T00:31:00.000Z' : null,
  endedAt: null,
})

beforeAll(() => {
  // A resident signed in on this phone before: the app finds the session in storage at launch.
  bootApp({
    'bangban.visit.v1': {
      language: 'zh-CN',
      session: {
        token: 'tok_0123456789abcdefghij',
        expiresAt: '2099-01-01T00:00:00.000Z',
        resident: { id: 'res_1', maskedName: '王*明', maskedIdNumber: null, maskedPhone: null },
      },
    },
  })
})

it('shows and approves a helper’s request scanned from the camera', async () => {
  const { wx } = bootApp()
  const seen: string[] = []
  wx.respond((method, url, body) => {
    seen.push(`${method} ${url.replace(/^https?:\/\/[^/]+/, '')} ${body ?? ''}`)
    if (method === 'GET' && url.includes('/api/v1/consents/con_1'))
      return { status: 200, body: JSON.stringify(consent('pending')) }
    if (method === 'POST' && url.endsWith('/api/v1/consents/con_1/approve'))
      return { status: 200, body: JSON.stringify(consent('approved')) }
    return { status: 404, body: '' }
  })
  wx.answer('scanCode', { result: QR, scanType: 'QR_CODE', errMsg: 'scanCode:ok' })
  const page = openPage('pages/scan-consent/index')
  await waitFor(() => textOf(page).includes('扫一扫'), 'the scan button')
  pressable(page, '扫一扫').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('请求代您办理'), 'the request')
  expect(textOf(page)).toContain('帮办员 张*（工号 H1001）请求代您办理：预约挂号、生活缴费，有效 30 分钟。')
  expect(wx.calls.find((c) => c.api === 'scanCode')?.options).toMatchObject({
    onlyFromCamera: true,
    scanType: ['qrCode'],
  })
  expect(seen[0]).toBe('GET /api/v1/consents/con_1?qrToken=abcdefghijklmnop ')
  pressable(page, '同意').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('您已同意'), 'the approval')
  expect(seen[1]).toBe('POST /api/v1/consents/con_1/approve {"qrToken":"abcdefghijklmnop"}')
})

it('says a code that is not ours is not ours, and asks the service nothing', async () => {
  const { wx } = bootApp()
  const before = wx.calls.filter((c) => c.api === 'request').length
  wx.answer('scanCode', { result: 'weixin://wxpay/bizpayurl?pr=abc', errMsg: 'scanCode:ok' })
  const page = openPage('pages/scan-consent/index')
  await waitFor(() => textOf(page).includes('扫一扫'), 'the scan button')
  pressable(page, '扫一扫').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('这不是帮办通的授权二维码'), 'the refusal')
  expect(wx.calls.filter((c) => c.api === 'request').length).toBe(before)
})

it('opens a family member’s request from the card they sent, and agrees to it', async () => {
  const { wx } = bootApp()
  const grant = (status: string) => ({
    id: 'fam_1',
    status,
    scopes: ['booking', 'payment', 'request'],
    member: { maskedName: '李*', maskedPhone: '139****0001' },
    resident: status === 'pending' ? null : { maskedName: '王*明' },
    requestedAt: '2026-12-01T00:00:00.000Z',
    pendingUntil: '2099-12-01T00:15:00.000Z',
    approvedAt: status === 'active' ? '2026-12-01T00:01:00.000Z' : null,
    expiresAt: status === 'active' ? '2099-12-01T00:01:00.000Z' : null,
    endedAt: null,
  })
  const seen: string[] = []
  wx.respond((method, url, body) => {
    seen.push(`${method} ${url.replace(/^https?:\/\/[^/]+/, '')} ${body ?? ''}`)
    if (method === 'GET' && url.includes('/api/v1/family-grants/fam_1'))
      return { status: 200, body: JSON.stringify(grant('pending')) }
    if (method === 'POST' && url.endsWith('/api/v1/family-grants/fam_1/approve'))
      return { status: 200, body: JSON.stringify(grant('active')) }
    return { status: 404, body: '' }
  })
  const page = openPage('pages/scan-consent/index', { family: 'fam_1', t: 'abcdefghijklmnop' })
  await waitFor(() => textOf(page).includes('请求代您办理'), 'the family request')
  expect(textOf(page)).toContain(
    '家人 李*（手机 139****0001）请求代您办理：预约挂号、生活缴费、反映问题，有效一年。',
  )
  expect(seen[0]).toBe('GET /api/v1/family-grants/fam_1?qrToken=abcdefghijklmnop ')
  pressable(page, '同意').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('家人现在可以在微信里为您办理了'), 'the agreement')
  expect(seen[1]).toBe('POST /api/v1/family-grants/fam_1/approve {"qrToken":"abcdefghijklmnop"}')
})

it('lets a family member ask, and sends the request as a WeChat card that opens 扫码授权', async () => {
  const { wx } = bootApp()
  wx.respond((method, url) => {
    if (method === 'GET' && url.endsWith('/api/v1/me/family-grants'))
      return { status: 200, body: JSON.stringify({ given: [], received: [] }) }
    if (method === 'POST' && url.endsWith('/api/v1/family-grants'))
      return {
        status: 201,
        body: JSON.stringify({
          id: 'fam_2',
          status: 'pending',
          scopes: ['booking', 'payment', 'request'],
          member: { maskedName: '王*明', maskedPhone: null },
          resident: null,
          requestedAt: '2026-12-01T00:00:00.000Z',
          pendingUntil: '2099-12-01T00:15:00.000Z',
          approvedAt: null,
          expiresAt: null,
          endedAt: null,
          qrPayload: 'bangban://family?id=fam_2&t=qrsecretqrsecret01',
        }),
      }
    return { status: 404, body: '' }
  })
  const page = openPage('pages/family/index')
  await waitFor(() => textOf(page).includes('还没有家人同意您帮他办'), 'the empty lists')
  pressable(page, '请家人同意我帮他办').dispatchEvent('tap')
  await waitFor(() => textOf(page).includes('发给家人'), 'the share button')
  const share = (page.instance as { onShareAppMessage?: (o: object) => { path?: string; title?: string } })
    .onShareAppMessage
  expect(share).toBeDefined()
  const card = share!.call(page.instance, { from: 'button' })
  expect(card.path).toBe('/pages/scan-consent/index?family=fam_2&t=qrsecretqrsecret01')
  expect(card.title).toContain('王*明')
})
