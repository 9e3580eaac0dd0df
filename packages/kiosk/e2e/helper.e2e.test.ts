/**
 * 代帮办 at the kiosk, end to end against the real service: a helper signs in from the discreet
 * corner control, asks for consent, the resident approves at the kiosk (ID card + code) or on their
 * phone (through the API, with the QR token), the helper books and takes cash for the resident,
 * ends the session, and the resident reads both actions in 我的记录 → 代办记录. At every step the
 * helper's DOM holds no full ID number and no full mobile number.
 */
import type { Page, Response } from 'playwright-core'
import { parseConsentQr } from '@bangban/core/api/consents'
import {
  axe,
  callApi,
  expectNoIdentifiers,
  insertIdCard,
  newKioskPage,
  shot,
  spoken,
  startHarness,
  type Harness,
  expectPromptsNameVisibleControls,
} from './harness'
import { writeStaffSignIn } from './writing'

const RESIDENT = { name: '王小明', idNumber: '11010519491231002X' }
const HELPER = { staffNo: 'H1001', password: 'demo-pass-123' }

describe('assisted service (代帮办) at the kiosk', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })
  // Every screen and state these tours visit: a prompt names only buttons that are on screen.
  afterEach(async () => {
    await expectPromptsNameVisibleControls()
  })

  async function check(page: Page, name: string) {
    await expectNoIdentifiers(page, [RESIDENT.idNumber, HELPER.password])
    await shot(page, name)
    expect(await axe(page)).toEqual([])
  }

  async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
    const { status, body } = await callApi(harness, path, init)
    return { status, body }
  }

  async function signInHelper(page: Page, names: { entry: RegExp }) {
    await page.getByRole('button', { name: names.entry }).click()
    await writeStaffSignIn(page, HELPER.staffNo, HELPER.password)
  }

  it('a helper books and takes cash for a resident who approves at the kiosk; the resident sees both', async () => {
    const page = await newKioskPage(harness)
    // The way in is discreet but a real, named, keyboard-reachable control.
    const entry = page.getByRole('button', { name: '工作人员' })
    await expect(entry.isVisible()).resolves.toBe(true)
    await entry.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor()
    await writeStaffSignIn(page, 'H1001', 'wrong-password')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByText('工号或密码不对').waitFor()
    // The refused password is gone from the screen's state: nothing to show behind the dots.
    await expect(page.getByTestId('staff-password-value').count()).resolves.toBe(0)
    await writeStaffSignIn(page, HELPER.staffNo, HELPER.password)
    await check(page, 'zh-CN-staff-signin')
    await page.getByRole('button', { name: '登录' }).click()

    await page.getByRole('heading', { name: '帮办台' }).waitFor()
    await page.getByText(/帮办员：.+（H1001）/).waitFor()
    for (const scope of ['预约挂号', '生活缴费', '反映问题'])
      await expect(page.getByRole('checkbox', { name: scope }).getAttribute('aria-checked')).resolves.toBe(
        'true',
      )
    await check(page, 'zh-CN-helper-console')

    await page.getByRole('button', { name: '开始帮办' }).click()
    await page.getByRole('heading', { name: '请居民确认授权' }).waitFor()
    await page.getByRole('img', { name: '代办授权二维码' }).waitFor()
    const code = ((await page.getByTestId('consent-code').textContent()) ?? '').replace(/\s/g, '')
    expect(code).toMatch(/^\d{6}$/)
    await page.getByText('正在等待居民确认…').waitFor()
    expect((await spoken(page)).at(-1)).toContain('授权码')
    await check(page, 'zh-CN-helper-consent-code')

    await page.getByRole('button', { name: '居民在本机确认' }).click()
    await page.getByRole('heading', { name: '请居民刷身份证' }).waitFor()
    await check(page, 'zh-CN-helper-consent-card')
    await insertIdCard(page, RESIDENT)
    await page.getByRole('heading', { name: '请居民输入授权码' }).waitFor()
    await page.getByText('王*明，您好。').waitFor()
    for (const digit of code) await page.getByTestId(`key-${digit}`).click()
    await check(page, 'zh-CN-helper-consent-keypad')
    await page.getByRole('button', { name: '同意代办' }).click()

    // Delegated: the resident's home, with the banner.
    await page.getByRole('heading', { name: '请选择要办的事' }).waitFor()
    const banner = page.getByTestId('delegation-banner').locator('visible=true')
    await expect(banner.textContent()).resolves.toMatch(/正在为 王\*明 代办 · 剩余 (29|30) 分钟/)
    await expect(page.getByRole('button', { name: '工作人员' }).count()).resolves.toBe(0)
    await check(page, 'zh-CN-delegated-home')

    // Book an appointment for the resident: no sign-in step, the delegated token is the session.
    await page.getByRole('button', { name: /预约挂号/ }).click()
    await page.getByRole('heading', { name: '选择科室或服务' }).waitFor()
    await expect(banner.isVisible()).resolves.toBe(true)
    await check(page, 'zh-CN-delegated-book-1')
    await page.getByRole('radio', { name: '全科' }).click()
    await page.getByRole('radio', { name: /明天/ }).click()
    await page.getByRole('heading', { name: '选择时间' }).waitFor()
    await page
      .getByRole('radio', { name: /剩 \d+ 个/ })
      .first()
      .click()
    await page.getByRole('heading', { name: '确认预约' }).waitFor()
    await expectNoIdentifiers(page, [RESIDENT.idNumber, HELPER.password])
    await page.getByRole('button', { name: '确认预约' }).click()
    await page.getByRole('heading', { name: '预约成功' }).waitFor()
    await expect(page.getByTestId('ticket-no').textContent()).resolves.toMatch(/^A\d{3}$/)
    await check(page, 'zh-CN-delegated-book-done')

    // 回到首页 keeps the delegation (only 结束代办 ends it).
    await page.getByRole('button', { name: '回到首页' }).click()
    await page.getByRole('heading', { name: '请选择要办的事' }).waitFor()
    await expect(banner.isVisible()).resolves.toBe(true)

    // Take cash for the resident's bills at the counter.
    await page.getByRole('button', { name: /生活缴费/ }).click()
    await page.getByRole('heading', { name: '选择要缴的账单' }).waitFor()
    await page.getByTestId('bill').first().waitFor()
    // Nothing is ticked at the counter either: the helper ticks what the resident asks to pay.
    for (const box of await page.getByTestId('bill').all())
      await expect(box.getAttribute('aria-checked')).resolves.toBe('false')
    await expect(page.getByTestId('cash-total').textContent()).resolves.toBe('¥0.00')
    await page.getByTestId('take-cash').click({ force: true })
    await expect(page.getByTestId('take-cash-why').textContent()).resolves.toBe('请先选择要缴的账单。')
    await page.getByTestId('bill').first().click()
    await check(page, 'zh-CN-delegated-cash-1')
    const due = (await page.getByTestId('cash-total').textContent()) ?? ''
    const dueFen = Math.round(Number(due.replace(/[^\d.]/g, '')) * 100)
    expect(dueFen).toBeGreaterThan(0)
    await page.getByRole('button', { name: `收现金 ${due}` }).click()
    await page.getByRole('heading', { name: '收现金' }).waitFor()
    const givenYuan = String(Math.ceil(dueFen / 100 / 10) * 10 + 10)
    for (const digit of givenYuan) await page.getByTestId(`key-${digit}`).click()
    const changeFen = Number(givenYuan) * 100 - dueFen
    await expect(page.getByTestId('cash-change').textContent()).resolves.toContain(
      `¥${(changeFen / 100).toFixed(2)}`,
    )
    await check(page, 'zh-CN-delegated-cash-2')
    await page.getByRole('button', { name: /^确认收款/ }).click()
    await page.getByRole('heading', { name: '收款成功' }).waitFor()
    await expect(page.getByTestId('cash-change-given').textContent()).resolves.toBe(
      `¥${(changeFen / 100).toFixed(2)}`,
    )
    await check(page, 'zh-CN-delegated-cash-done')
    await page.getByRole('button', { name: '打印收据' }).click()
    await page.getByText('收据已打印').waitFor()

    // 结束代办: the grant is revoked, the resident's data leaves the kiosk, the helper stays.
    await banner.getByRole('button', { name: '结束代办' }).click()
    await page.getByRole('heading', { name: '帮办台' }).waitFor()
    await page.getByText('代办已结束，居民的信息已从本机清除。').waitFor()
    const html = await page.content()
    expect(html).not.toContain('王*明')
    expect(html).not.toContain('110***')
    await check(page, 'zh-CN-helper-ended')
    const consents = await harness.service.ctx.db.selectFrom('consents').select(['status']).execute()
    expect(consents.map((c) => c.status)).toEqual(['revoked'])

    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByRole('heading', { name: '请选择要办的事' }).waitFor()
    await expect(page.getByRole('button', { name: '工作人员' }).isVisible()).resolves.toBe(true)
    await page.context().close()

    // The resident, later, alone: 我的记录 → 代办记录 shows what the helper did, by whom and when.
    const own = await newKioskPage(harness)
    await own.getByRole('button', { name: /我的记录/ }).click()
    await own.getByRole('heading', { name: '请先确认身份' }).waitFor()
    await insertIdCard(own, RESIDENT)
    await own.getByRole('heading', { name: '代办记录' }).waitFor()
    const trail = own.getByRole('list', { name: '代办记录' })
    await trail.getByText('为您预约挂号').waitFor()
    await trail.getByText('为您缴费').waitFor()
    await expect(
      trail
        .getByText(/帮办员 .+（工号 H1001）/)
        .first()
        .isVisible(),
    ).resolves.toBe(true)
    await expect(trail.getByText('同意了代办授权').isVisible()).resolves.toBe(true)
    await trail.getByRole('listitem').last().scrollIntoViewIfNeeded()
    await check(own, 'zh-CN-records-audit')
    await own.context().close()
  })

  it('in English: limited scopes switch jobs off, the phone approves, and the resident ending it ends it here', async () => {
    const page = await newKioskPage(harness)
    await page.getByRole('radio', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor()
    await signInHelper(page, { entry: /^Staff sign-in$/ })
    await check(page, 'en-staff-signin')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Helper console' }).waitFor()
    await page.getByRole('checkbox', { name: 'Pay a bill' }).click()
    await page.getByRole('checkbox', { name: 'Report a problem' }).click()
    await expect(
      page.getByRole('checkbox', { name: 'Pay a bill' }).getAttribute('aria-checked'),
    ).resolves.toBe('false')
    await check(page, 'en-helper-console')

    const created = page.waitForResponse(
      (r: Response) => r.url().endsWith('/api/v1/consents') && r.request().method() === 'POST',
    )
    await page.getByRole('button', { name: 'Start helping' }).click()
    const consent = (await (await created).json()) as { id: string; qrPayload: string; scopes: string[] }
    expect(consent.scopes).toEqual(['booking'])
    await page.getByRole('heading', { name: 'Ask the resident to agree' }).waitFor()
    await check(page, 'en-helper-consent-code')

    // The resident's phone: signed in as the resident, scans the QR code and approves.
    const qr = parseConsentQr(consent.qrPayload)!
    const phone = await api('/api/v1/sessions/id-card', { method: 'POST', body: RESIDENT })
    expect(phone.status).toBe(201)
    const residentToken = phone.body!.token as string
    const approved = await api(`/api/v1/consents/${consent.id}/approve`, {
      method: 'POST',
      token: residentToken,
      body: { qrToken: qr.qrToken },
    })
    expect(approved.status).toBe(200)

    await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor({ timeout: 15000 })
    const banner = page.getByTestId('delegation-banner').locator('visible=true')
    await expect(banner.textContent()).resolves.toMatch(/Acting for 王\*明 · (29|30) min left/)
    const pay = page.getByRole('button', { name: /Pay a bill/ })
    await expect(pay.getAttribute('aria-disabled')).resolves.toBe('true')
    await expect(pay.getAttribute('aria-label')).resolves.toContain('The resident has not agreed to this')
    await pay.click({ force: true })
    await expect(page.getByRole('heading', { name: 'What would you like to do?' }).isVisible()).resolves.toBe(
      true,
    )
    await check(page, 'en-delegated-home')

    // The resident withdraws from their phone: the kiosk notices and wipes.
    const revoked = await api(`/api/v1/consents/${consent.id}/revoke`, {
      method: 'POST',
      token: residentToken,
    })
    expect(revoked.status).toBe(200)
    await page.getByRole('heading', { name: 'Helper console' }).waitFor({ timeout: 20000 })
    await page.getByText(/The resident withdrew consent/).waitFor()
    expect(await page.content()).not.toContain('王*明')
    await check(page, 'en-helper-revoked')
    await page.context().close()
  })
})
