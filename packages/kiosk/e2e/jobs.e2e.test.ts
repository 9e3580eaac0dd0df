/** Paying a bill and reporting a problem at the kiosk, end to end, and the idle wipe. */
import type { Page } from 'playwright-core'
import {
  axe,
  insertIdCard,
  newKioskPage,
  shot,
  spoken,
  startHarness,
  type Harness,
  expectPromptsNameVisibleControls,
} from './harness'

const RESIDENT = { name: '王小明', idNumber: '11010519491231002X' }

describe('kiosk jobs against the real service', () => {
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

  async function expectAccessible(page: Page, name: string) {
    await shot(page, name)
    expect(await axe(page)).toEqual([])
  }

  async function staffToken(): Promise<string> {
    const response = await fetch(`${harness.baseUrl}/api/v1/staff/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffNo: 'H1001', password: 'demo-pass-123' }),
    })
    return ((await response.json()) as { token: string }).token
  }

  it('pays a water bill found by account number on the keypad, via the QR code, and prints the receipt', async () => {
    const page = await newKioskPage(harness)
    await page.getByRole('button', { name: /生活缴费/ }).click()
    await page.getByRole('heading', { name: '查找账单' }).waitFor()
    await expectAccessible(page, 'zh-CN-pay-1-find')
    await page.getByRole('radio', { name: '水费' }).click()
    for (const digit of '1000001') await page.getByTestId(`key-${digit}`).click()
    await expect(page.getByRole('textbox', { name: '户号' }).textContent()).resolves.toBe('W1000001')
    await expectAccessible(page, 'zh-CN-pay-1-keypad')
    await page.getByRole('button', { name: '查找账单' }).click()

    await page.getByRole('heading', { name: '选择要缴的账单' }).waitFor()
    expect((await spoken(page)).at(-1)).toContain('一 笔')
    // Before paying by account number: whose household this is, masked, and who is paid.
    const household = (await page.getByTestId('household').textContent()) ?? ''
    for (const shown of ['W1000001', '王*明', '幸福里小区 3 号楼 * 单元 *** 室', '幸福里便民缴费代收点'])
      expect(household).toContain(shown)
    expect(household).not.toContain('501')
    // Nothing is ticked: money is never taken by default, and 付款 says what is missing.
    const waterBill = page.getByRole('checkbox', { name: /水费/ })
    await expect(waterBill.getAttribute('aria-checked')).resolves.toBe('false')
    await expect(page.getByTestId('pay-total').textContent()).resolves.toBe('¥0.00')
    await expect(page.getByTestId('pay-now').getAttribute('aria-disabled')).resolves.toBe('true')
    // A person can press a disabled button; Playwright must be told to.
    await page.getByTestId('pay-now').click({ force: true })
    await expect(page.getByTestId('pay-now-why').textContent()).resolves.toBe('请先选择要缴的账单。')
    expect((await spoken(page)).at(-1)).toBe('请先选择要缴的账单。')
    await expectAccessible(page, 'zh-CN-pay-2-choose-nothing')

    // The resident ticks the bill: the total is shown and said before anything is paid.
    await waterBill.click()
    await expect(waterBill.getAttribute('aria-checked')).resolves.toBe('true')
    await expect(page.getByTestId('pay-total').textContent()).resolves.toBe('¥36.50')
    // Without a handset the amount owed stays on the screen (EN 301 549 §5.1.3.9).
    expect((await spoken(page)).at(-1)).toContain('合计多少请看屏幕')
    await expect(page.getByTestId('pay-now-why').count()).resolves.toBe(0)
    await expectAccessible(page, 'zh-CN-pay-2-choose')
    await page.getByRole('button', { name: '付款 ¥36.50' }).click()

    await page.getByRole('heading', { name: '付款' }).waitFor()
    await page.getByRole('img', { name: '微信付款二维码' }).waitFor()
    await page.getByText('正在等待付款…').waitFor()
    await expect(page.getByTestId('pay-to').textContent()).resolves.toBe('收款单位：幸福里便民缴费代收点')
    await expectAccessible(page, 'zh-CN-pay-3-qr')
    expect((await spoken(page)).at(-1)).toContain('金额请看屏幕')
    // No WeChat Pay: a number for the window, shown and said, while the QR code stays for a family member.
    await page.getByTestId('pay-at-window').click()
    const ticket = (await page.getByTestId('pay-at-window-number').textContent()) ?? ''
    expect(ticket).toMatch(/^H\d{3}$/)
    await page.getByText('请到窗口交 ¥36.50 现金').waitFor()
    expect((await spoken(page)).at(-1)).toMatch(/H.*现金.*请看屏幕/)
    await expectAccessible(page, 'zh-CN-pay-3-qr-cash-at-window')

    const payment = await harness.service.ctx.db
      .selectFrom('payments')
      .select('id')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    const confirm = await fetch(`${harness.baseUrl}/api/v1/staff/payments/${payment.id}/sandbox-confirm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await staffToken()}` },
    })
    expect(confirm.status).toBe(200)

    await page.getByRole('heading', { name: '缴费成功' }).waitFor({ timeout: 15000 })
    await expectAccessible(page, 'zh-CN-pay-4-success')
    // The receipt: 户号, payee, period, amount and a number short enough to read out.
    const receipt = (await page.getByTestId('receipt').textContent()) ?? ''
    for (const shown of ['W1000001', '幸福里便民缴费代收点', '2026年11月水费', '¥36.50'])
      expect(receipt).toContain(shown)
    const paymentNo = (await page.getByTestId('payment-no').textContent()) ?? ''
    expect(paymentNo).toMatch(/^P\d{6}-\d{4}$/)
    // Out of paper first: the resident is told in plain words that the payment itself went through.
    await page.evaluate(() => (window.bangbanSimulator!.printerFails = true))
    await page.getByRole('button', { name: '打印收据' }).click()
    await page.getByText('打印机出了问题。缴费已经成功').waitFor()
    await page.evaluate(() => (window.bangbanSimulator!.printerFails = false))
    await page.getByRole('button', { name: '打印收据' }).click()
    await page.getByText('收据已打印').waitFor()
    const printed = await page.evaluate(() => window.bangbanSimulator!.printed)
    expect(printed).toEqual([expect.objectContaining({ highlight: '¥36.50' })])
    expect(printed[0]!.lines).toEqual(
      expect.arrayContaining([
        { label: '2026年11月水费', value: '¥36.50' },
        { label: '户号', value: 'W1000001' },
        { label: '收款单位', value: '幸福里便民缴费代收点' },
        { label: '付款编号', value: paymentNo },
      ]),
    )
    await page.context().close()
  })

  it('reports a problem: signs in, picks a category and a phrase, says where, and sees it in 我的记录', async () => {
    const page = await newKioskPage(harness)
    await page.getByRole('button', { name: /反映问题/ }).click()
    await page.getByRole('heading', { name: '请先确认身份' }).waitFor()
    await insertIdCard(page, RESIDENT)
    await page.getByRole('heading', { name: '选择问题类别' }).waitFor()
    await expectAccessible(page, 'zh-CN-request-1-category')
    await page.getByRole('radio', { name: '维修报修' }).click()
    await page.getByRole('heading', { name: '说说是什么问题' }).waitFor()
    await page.getByRole('checkbox', { name: '水管漏水' }).click()
    await expectAccessible(page, 'zh-CN-request-2-describe')
    await page.getByRole('button', { name: '下一步' }).click()
    await page.getByRole('heading', { name: '在哪里，怎么联系您' }).waitFor()
    await page.getByRole('radio', { name: /幸福里第一网格/ }).click()
    for (const digit of '13912345678') await page.getByTestId(`key-${digit}`).click()
    await expectAccessible(page, 'zh-CN-request-3-where')
    await page.getByRole('button', { name: '下一步' }).click()
    await page.getByRole('heading', { name: '确认提交' }).waitFor()
    await expectAccessible(page, 'zh-CN-request-4-confirm')
    await page.getByRole('button', { name: '提交' }).click()
    await page.getByRole('heading', { name: '提交成功' }).waitFor()
    const requestNo = await page.getByTestId('request-no').textContent()
    expect(requestNo).toBeTruthy()
    await expect(
      page
        .getByText(/负责处理/)
        .first()
        .isVisible(),
    ).resolves.toBe(true)
    await expectAccessible(page, 'zh-CN-request-5-success')

    await page.getByRole('button', { name: '我的记录' }).click()
    await page.getByTestId('service-request').first().waitFor()
    await expect(page.getByTestId('service-request').first().textContent()).resolves.toContain(requestNo!)
    await page.getByRole('button', { name: '查看进度' }).first().click()
    await page.getByRole('list', { name: '办理进度' }).waitFor()
    await expectAccessible(page, 'zh-CN-records-request')
    await page.context().close()
  })

  it('pays and reports a problem in English too', async () => {
    const page = await newKioskPage(harness)
    await page.getByTestId('lang-en').click()
    await page.getByRole('button', { name: /Pay a bill/ }).click()
    await page.getByRole('heading', { name: 'Find your bills' }).waitFor()
    await page.getByRole('radio', { name: 'Electricity' }).click()
    for (const digit of '2000001') await page.getByTestId(`key-${digit}`).filter({ visible: true }).click()
    await page.getByRole('button', { name: 'Find bills' }).click()
    await page.getByRole('heading', { name: 'Choose the bills to pay' }).waitFor()
    expect((await spoken(page)).at(-1)).toContain('We found one unpaid')
    await expect(page.getByTestId('pay-total').filter({ visible: true }).textContent()).resolves.toBe('¥0.00')
    await page.getByRole('checkbox', { name: /Electricity/ }).click()
    await expect(page.getByTestId('pay-total').filter({ visible: true }).textContent()).resolves.toBe(
      '¥128.40',
    )
    // No handset at this kiosk: an amount owed is not said aloud in the hall (EN 301 549 §5.1.3.9).
    expect((await spoken(page)).at(-1)).toContain('The total is on the screen')
    await page.getByRole('button', { name: 'Pay ¥128.40' }).click()
    await page.getByRole('img', { name: 'WeChat payment QR code' }).waitFor()
    expect((await spoken(page)).at(-1)).toContain('the amount shown on the screen')
    expect((await spoken(page)).join(' ')).not.toContain('one hundred twenty-eight')
    await expectAccessible(page, 'en-pay-3-qr')

    await page.getByRole('button', { name: 'Home' }).filter({ visible: true }).click()
    await page
      .getByRole('button', { name: /Report a problem/ })
      .filter({ visible: true })
      .click()
    await page
      .getByRole('heading', { name: 'Please confirm who you are' })
      .filter({ visible: true })
      .waitFor()
    await insertIdCard(page, RESIDENT)
    await page.getByRole('heading', { name: 'Choose the kind of problem' }).waitFor()
    await page.getByRole('radio').filter({ visible: true }).first().click()
    await page.getByRole('checkbox', { name: 'A water pipe leaks' }).click()
    await page.getByRole('button', { name: 'Next', exact: true }).filter({ visible: true }).click()
    await page.getByRole('radio').filter({ visible: true }).first().click()
    for (const digit of '13912345678')
      await page.getByTestId(`key-${digit}`).filter({ visible: true }).click()
    await page.getByRole('button', { name: 'Next', exact: true }).filter({ visible: true }).click()
    await page.getByRole('heading', { name: 'Check and send' }).waitFor()
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByRole('heading', { name: 'Sent' }).waitFor()
    await expectAccessible(page, 'en-request-5-success')
    await page.context().close()
  })

  it('warns after 60 s idle with a spoken countdown, and wipes the visit at 90 s', async () => {
    const context = await harness.browser.newContext({
      viewport: { width: 1080, height: 1920 },
      locale: 'zh-CN',
    })
    await context.clock.install()
    const page = await context.newPage()
    const tokens = new Set<string>()
    page.on('request', (r) => {
      const auth = r.headers().authorization
      if (auth) tokens.add(auth)
    })
    await page.goto(`${harness.baseUrl}/kiosk/`)
    await page.getByRole('button', { name: /我的记录/ }).click()
    await page.getByRole('heading', { name: '请先确认身份' }).waitFor()
    await insertIdCard(page, RESIDENT)
    await page.getByRole('heading', { name: '我的记录' }).waitFor()
    expect(tokens.size).toBe(1)
    await page.evaluate(() => {
      localStorage.setItem('probe', 'x')
      sessionStorage.setItem('probe', 'x')
      document.cookie = 'probe=x'
    })

    await page.clock.fastForward(61_000)
    await page.getByRole('alertdialog').waitFor()
    await expect(page.getByText('还需要更多时间吗？').isVisible()).resolves.toBe(true)
    expect((await spoken(page)).at(-1)).toContain('还需要更多时间吗')
    await expectAccessible(page, 'zh-CN-idle-warning')
    await page.getByRole('button', { name: '需要，继续办理' }).click()
    await expect(page.getByRole('alertdialog').count()).resolves.toBe(0)

    await page.clock.fastForward(91_000)
    await page.getByRole('heading', { name: '请选择要办的事' }).waitFor()
    const html = await page.content()
    expect(html).not.toContain('王*明')
    expect(html).not.toContain('110***')
    const leftovers = await page.evaluate(() => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
    }))
    expect(leftovers).toEqual({ local: 0, session: 0, cookie: '' })
    // The resident's token ended at the service too: nobody can use it after they walked away.
    const [token] = [...tokens]
    const statusOfToken = async () =>
      (await fetch(`${harness.baseUrl}/api/v1/me`, { headers: { authorization: token! } })).status
    // The sign-out is sent as the page wipes itself; give it a moment to arrive.
    let status = await statusOfToken()
    for (let i = 0; i < 20 && status !== 401; i++) {
      await new Promise((r) => setTimeout(r, 100))
      status = await statusOfToken()
    }
    expect(status).toBe(401)
    await context.close()
  })
})
