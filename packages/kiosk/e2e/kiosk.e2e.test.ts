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

describe('kiosk H5 against the real service', () => {
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

  it('home: four jobs, accessible, spoken', async () => {
    const page = await newKioskPage(harness)
    for (const name of ['预约挂号', '生活缴费', '反映问题', '我的记录'])
      await expect(page.getByRole('button', { name: new RegExp(name) }).isVisible()).resolves.toBe(true)
    await expectAccessible(page, 'zh-CN-home')
    expect((await spoken(page))[0]).toContain('欢迎使用帮办通')
    await page.getByRole('button', { name: '再听一遍' }).click()
    expect((await spoken(page)).length).toBe(2)
    await page.context().close()
  })

  it('the card reader listens on the home screen and inside a job; a card it cannot read is said', async () => {
    const page = await newKioskPage(harness)
    // A card that cannot be read is shown and said, never silently ignored.
    await page.evaluate(() => window.bangbanSimulator!.insertUnreadableCard())
    await page.getByTestId('card-note').getByText('身份证没有读出来。').waitFor()
    expect((await spoken(page)).at(-1)).toBe('身份证没有读出来。')
    await expectAccessible(page, 'zh-CN-card-unreadable')

    // On 生活缴费, 刷身份证查我的账单 beside the account keypad: the card shows the resident's own bills.
    await page.getByRole('button', { name: /生活缴费/ }).click()
    await page.getByRole('heading', { name: '查找账单' }).waitFor()
    await expect(page.getByTestId('pay-card-offer').textContent()).resolves.toContain('刷身份证查我的账单')
    expect((await spoken(page)).at(-1)).toContain('身份证放在感应区')
    await page.getByRole('radio', { name: '水费' }).click()
    await expect(page.getByTestId('pay-card-offer').isVisible()).resolves.toBe(true)
    await insertIdCard(page, RESIDENT)
    await page.getByRole('heading', { name: '选择要缴的账单' }).waitFor()
    await page
      .getByTestId('card-note')
      .filter({ visible: true })
      .getByText('王*明，您好，已经确认身份。')
      .waitFor()
    await expect(
      page
        .getByRole('checkbox', { name: /医疗费/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true)
    await expect(page.getByRole('checkbox', { name: /电费/ }).isVisible()).resolves.toBe(true)
    for (const box of await page.getByRole('checkbox').all())
      await expect(box.getAttribute('aria-checked')).resolves.toBe('false')
    await expectAccessible(page, 'zh-CN-card-in-pay')
    await page.context().close()

    // On the home screen: the card signs in and the greeting appears, no detour through 我的记录.
    const home = await newKioskPage(harness)
    await insertIdCard(home, RESIDENT)
    await home.getByText('王*明，您好').first().waitFor()
    await home.getByRole('button', { name: /我的记录/ }).click()
    await home.getByRole('heading', { name: '我的记录' }).waitFor()
    await home.context().close()
  })

  it('books an appointment with an ID card, prints the slip, and cancels it from 我的记录', async () => {
    const page = await newKioskPage(harness)
    await page.getByRole('button', { name: /预约挂号/ }).click()
    await page.getByRole('heading', { name: '选择科室或服务' }).waitFor()
    await expect(page.getByText('第 1 步，共 4 步').isVisible()).resolves.toBe(true)
    await expectAccessible(page, 'zh-CN-book-1-service')
    await page.getByRole('radio', { name: '全科' }).click()

    await page.getByRole('heading', { name: '选择日期' }).waitFor()
    await page.getByRole('radio', { name: /明天/ }).waitFor()
    await expectAccessible(page, 'zh-CN-book-2-day')
    await page.getByRole('radio', { name: /明天/ }).click()

    await page.getByRole('heading', { name: '选择时间' }).waitFor()
    await page
      .getByRole('radio', { name: /剩 5 个/ })
      .first()
      .waitFor()
    await expectAccessible(page, 'zh-CN-book-3-time')
    await page.getByRole('radio', { name: /上午8:00–/ }).click()

    await page.getByRole('heading', { name: '确认预约' }).waitFor()
    await expectAccessible(page, 'zh-CN-book-4-confirm')
    await page.getByRole('button', { name: '确认身份后预约' }).click()

    await page.getByRole('heading', { name: '请先确认身份' }).waitFor()
    await expectAccessible(page, 'zh-CN-signin-card')
    await insertIdCard(page, RESIDENT)

    await page.getByRole('heading', { name: '确认预约' }).waitFor()
    await expect(page.locator('.bb-signed-in:visible').textContent()).resolves.toBe('王女士，您好')
    await page.getByRole('button', { name: '确认预约' }).click()
    await page.getByRole('heading', { name: '预约成功' }).waitFor()
    const ticket = await page.getByTestId('ticket-no').textContent()
    expect(ticket).toMatch(/^A\d{3}$/)
    await expectAccessible(page, 'zh-CN-book-5-success')
    expect((await spoken(page)).at(-1)).toContain('预约成功')
    expect(await page.content()).not.toContain(RESIDENT.idNumber)

    await page.getByRole('button', { name: '打印凭条' }).click()
    await page.getByText('凭条已打印').waitFor()
    const printed = await page.evaluate(() => window.bangbanSimulator!.printed)
    expect(printed).toEqual([expect.objectContaining({ highlight: ticket })])

    await page.getByRole('button', { name: '我的记录' }).click()
    await page.getByRole('heading', { name: '我的记录' }).waitFor()
    await page.getByTestId('appointment').first().waitFor()
    await expectAccessible(page, 'zh-CN-records')
    await page.getByRole('button', { name: '取消预约' }).first().click()
    await page.getByText('确定要取消这个预约吗？').waitFor()
    await expectAccessible(page, 'zh-CN-records-confirm-cancel')
    await page.getByRole('button', { name: '确定取消' }).click()
    await page.getByText('预约已取消。').first().waitFor()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=appointment]').length === 0)
    await page.context().close()
  })

  it('does the same booking in English, with the keyboard alone', async () => {
    const page = await newKioskPage(harness)
    await page.getByRole('radio', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor()
    await expectAccessible(page, 'en-home')
    await page.getByRole('button', { name: /Book an appointment/ }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Choose a department or service' }).waitFor()
    await page.getByRole('radio', { name: 'Traditional Chinese medicine' }).focus()
    await page.keyboard.press(' ')
    await page.getByRole('heading', { name: 'Choose a day' }).waitFor()
    await page.getByRole('radio', { name: /Tomorrow/ }).click()
    await page.getByRole('radio', { name: /2:00–2:30 p.m./ }).click()
    await page.getByRole('heading', { name: 'Check and book' }).waitFor()
    await expectAccessible(page, 'en-book-4-confirm')
    await page.getByRole('button', { name: 'Confirm who you are and book' }).click()
    await page.getByRole('heading', { name: 'Please confirm who you are' }).waitFor()
    await insertIdCard(page, RESIDENT)
    await page.getByRole('button', { name: 'Book it' }).click()
    await page.getByRole('heading', { name: 'You are booked' }).waitFor()
    await expectAccessible(page, 'en-book-5-success')
    await page.context().close()
  })

  it('signs in with a mobile number and a one-time code on the keypad (zh-HK)', async () => {
    const page = await newKioskPage(harness)
    await page.getByRole('radio', { name: '粵語' }).click()
    await page.getByRole('button', { name: /我的記錄/ }).click()
    await page.getByRole('button', { name: /用手機號碼/ }).click()
    for (const digit of '13812345678') await page.getByTestId(`key-${digit}`).click()
    await expectAccessible(page, 'zh-HK-signin-phone')
    await page.getByRole('button', { name: '獲取驗證碼' }).click()
    await page.getByText(/驗證碼已發到 138\*\*\*\*5678/).waitFor()
    const sms = harness.service.ctx.sms as unknown as { sent: Array<{ phone: string; code: string }> }
    const code = sms.sent.at(-1)!.code
    for (const digit of code) await page.getByTestId(`key-${digit}`).click()
    await page.getByRole('button', { name: '確認' }).click()
    await page.getByRole('heading', { name: '我的記錄' }).waitFor()
    await expectAccessible(page, 'zh-HK-records-empty')
    await page.context().close()
  })
})
