/**
 * `pnpm audit:a11y`: every kiosk screen and state (errors, empty lists, full days, the idle
 * warning) in zh-CN, zh-HK and en at both text sizes, through axe-core and our own checks, with
 * an HTML report and a screenshot per screen in test-results/a11y/. Fails on any violation.
 * Also the helper's screens and the resident's home with the 代办 banner.
 */
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { idCheckChar } from '@bangban/core/domain'
import { createI18n } from '@bangban/core/i18n'
import { ownChecks } from './audit/checks'
import { writeReport, type AuditRecord } from './audit/report'
import { axe, fullShot, insertIdCard, startHarness, type Harness } from './harness'
import { signInStaffByTouch } from './writing'

const OUT = resolve(__dirname, '../../../test-results/a11y')
const RESIDENT = { name: '王小明', idNumber: '11010519491231002X' }
const HELPER = { staffNo: 'H1001', password: 'demo-pass-123' }
const LANGUAGES = ['zh-CN', 'zh-HK', 'en'] as const
const SIZES = ['large', 'extraLarge'] as const

describe('accessibility audit of every kiosk screen', () => {
  let harness: Harness
  const records: AuditRecord[] = []

  beforeAll(async () => {
    harness = await startHarness()
    // A fully booked day, so the audit sees how one looks.
    const { addDays, shanghaiDate } = await import('@bangban/core/domain')
    await harness.service.ctx.db
      .updateTable('slots')
      .set({ remaining: 0 })
      .where('service_id', '=', 'svc-dental')
      .where('local_date', '=', addDays(shanghaiDate(), 1))
      .execute()
  })
  afterAll(async () => {
    const file = writeReport(OUT, records)
    console.warn(`accessibility report: ${file}`)
    await harness?.close()
  })

  async function audit(page: Page, name: string) {
    await page.waitForTimeout(350)
    const screenshot = `${name}.png`
    await fullShot(page, join(OUT, screenshot))
    records.push({ name, screenshot, axe: await axe(page), own: await ownChecks(page) })
  }

  async function open(lang: (typeof LANGUAGES)[number], size: (typeof SIZES)[number]): Promise<Page> {
    const context = await harness.browser.newContext({
      viewport: { width: 1080, height: 1920 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
    await context.clock.install()
    const page = await context.newPage()
    await page.goto(`${harness.baseUrl}/kiosk/`)
    await choose(page, lang, size)
    return page
  }

  /** On the welcome screen: this visit's language and text size. */
  async function choose(page: Page, lang: (typeof LANGUAGES)[number], size: (typeof SIZES)[number]) {
    await shown(page.getByTestId(`lang-${lang}`)).click()
    await page
      .getByRole('radiogroup', { name: createI18n(lang).t('settings.textSize') })
      .getByRole('radio')
      .nth(size === 'large' ? 0 : 1)
      .click()
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).last()

  async function waitForHeadingChange(page: Page, before: string | null) {
    await page
      .waitForFunction((old) => {
        const all = [...document.querySelectorAll('[role=heading][aria-level="1"]')].filter(
          (el) => (el as HTMLElement).offsetParent !== null,
        )
        const now = all[all.length - 1]?.textContent
        return now && now !== old
      }, before)
      .catch(async (error: unknown) => {
        // What was on screen instead, for whoever reads the failure.
        await fullShot(page, join(OUT, `FAILED-heading-after-${(before ?? '').slice(0, 20)}.png`))
        throw error
      })
  }

  /**
   * Waits for the screen titled by this i18n key. A job that needs sign-in shows its own page for
   * a moment before the sign-in page replaces it, so "the heading changed" is not enough there.
   */
  async function until(page: Page, lang: (typeof LANGUAGES)[number], titleKey: string) {
    await page
      .getByRole('heading', { level: 1, name: createI18n(lang).t(titleKey), exact: true })
      .filter({ visible: true })
      .waitFor()
  }

  /** Taro keeps earlier pages of the stack in the DOM, hidden: act on what is on screen. */
  const shown = (locator: ReturnType<Page['getByTestId']>) => locator.filter({ visible: true }).first()

  async function tap(page: Page, locator: ReturnType<Page['getByTestId']>) {
    const before = await heading(page).textContent()
    await shown(locator).click()
    await waitForHeadingChange(page, before)
  }

  LANGUAGES.forEach((lang, l) =>
    SIZES.forEach((size, s) => {
      const tag = `${lang}-${size}`
      // One booking per department and day for a resident: each run books a different day.
      const day = 1 + l * SIZES.length + s
      it(`${tag}: home, booking, sign-in (and its error), records`, async () => {
        const page = await open(lang, size)
        await audit(page, `${tag}-home`)
        await tap(page, page.getByTestId('tile-book'))
        await audit(page, `${tag}-book-1`)
        await tap(
          page,
          page
            .getByRole('radio')
            .filter({ visible: true, hasText: /口腔科|Dental|口腔/ })
            .first(),
        )
        await page.getByRole('radio').filter({ visible: true }).nth(1).waitFor()
        await audit(page, `${tag}-book-2-full-day`)
        await shown(page.getByTestId('back')).click()
        await page.getByRole('radio').filter({ visible: true }).first().waitFor()
        await tap(page, page.getByRole('radio').filter({ visible: true }).first())
        await page.getByRole('radio').filter({ visible: true }).nth(day).waitFor()
        await tap(page, page.getByRole('radio').filter({ visible: true }).nth(day))
        await page.getByRole('radio').filter({ visible: true }).first().waitFor()
        await audit(page, `${tag}-book-3`)
        await tap(page, page.getByRole('radio').filter({ visible: true }).first())
        await audit(page, `${tag}-book-4`)
        await tap(page, page.getByTestId('confirm-booking'))
        await audit(page, `${tag}-signin-card`)
        await insertIdCard(page, { name: '王小明', idNumber: '110105194912310021' })
        await shown(page.getByRole('alert')).waitFor()
        await audit(page, `${tag}-signin-error`)
        const before = await heading(page).textContent()
        await insertIdCard(page, RESIDENT)
        await waitForHeadingChange(page, before)
        await tap(page, page.getByTestId('confirm-booking'))
        await audit(page, `${tag}-book-5-success`)
        // After a success the idle warning comes sooner (30 s, the visit ends 30 s later).
        await page.context().clock.fastForward(31_000)
        await shown(page.getByRole('alertdialog')).waitFor()
        await audit(page, `${tag}-idle-warning`)
        await shown(page.getByTestId('idle-continue')).click()
        // 回到首页 after a finished job ended the visit (its language and size too): 我的记录 asks
        // who you are again.
        await shown(page.getByTestId('home')).click()
        await until(page, 'zh-CN', 'home.title')
        await choose(page, lang, size)
        await shown(page.getByTestId('tile-records')).click()
        await until(page, lang, 'signIn.title')
        await insertIdCard(page, RESIDENT)
        await until(page, lang, 'records.title')
        await page.getByTestId('appointment').filter({ visible: true }).first().waitFor()
        await audit(page, `${tag}-records`)
        await page.context().close()
      })

      it(`${tag}: paying a bill and reporting a problem`, async () => {
        const page = await open(lang, size)
        await tap(page, page.getByTestId('tile-pay'))
        await audit(page, `${tag}-pay-1`)
        await page.getByRole('radio').filter({ visible: true }).first().click()
        for (const digit of '1000002') await shown(page.getByTestId(`key-${digit}`)).click()
        await audit(page, `${tag}-pay-1-keypad`)
        await tap(page, page.getByTestId('find-bills'))
        await audit(page, `${tag}-pay-2`)
        await shown(page.getByRole('checkbox').filter({ visible: true }).first()).click()
        await tap(page, page.getByTestId('pay-now'))
        await page.getByRole('img').filter({ visible: true }).first().waitFor()
        await audit(page, `${tag}-pay-3-qr`)
        await shown(page.getByTestId('home')).click()
        await shown(page.getByTestId('tile-request')).click()
        await until(page, lang, 'signIn.title')
        await audit(page, `${tag}-request-signin`)
        await insertIdCard(page, RESIDENT)
        await until(page, lang, 'request.stepCategory')
        await audit(page, `${tag}-request-1`)
        await tap(page, page.getByRole('radio').filter({ visible: true }).first())
        await page.getByRole('checkbox').filter({ visible: true }).first().click()
        await audit(page, `${tag}-request-2`)
        await tap(page, page.getByTestId('describe-next'))
        await page.getByRole('radio').filter({ visible: true }).first().click()
        for (const digit of '13912345678') await shown(page.getByTestId(`key-${digit}`)).click()
        await audit(page, `${tag}-request-3`)
        await tap(page, page.getByTestId('where-next'))
        await audit(page, `${tag}-request-4`)
        await tap(page, page.getByTestId('submit-request'))
        await audit(page, `${tag}-request-5-success`)
        await page.context().close()
      })
    }),
  )

  /** A resident the demo data has never seen: their records are empty. */
  function newcomer(n: number) {
    const first17 = `31010119500115${String(n).padStart(3, '0')}`
    return { name: '李新', idNumber: first17 + idCheckChar(first17) }
  }

  LANGUAGES.forEach((lang, l) =>
    SIZES.forEach((size, s) => {
      const tag = `${lang}-${size}`
      it(`${tag}: empty records, an unknown account, and the helper's screens with the banner`, async () => {
        const page = await open(lang, size)
        await shown(page.getByTestId('tile-records')).click()
        await until(page, lang, 'signIn.title')
        await insertIdCard(page, newcomer(l * SIZES.length + s + 1))
        await until(page, lang, 'records.title')
        await audit(page, `${tag}-records-empty`)
        await shown(page.getByTestId('home')).click()
        await tap(page, page.getByTestId('tile-pay'))
        await page.getByRole('radio').filter({ visible: true }).first().click()
        for (const digit of '9999999') await shown(page.getByTestId(`key-${digit}`)).click()
        await shown(page.getByTestId('find-bills')).click()
        await shown(page.getByRole('alert')).waitFor()
        await audit(page, `${tag}-pay-unknown-account`)
        await shown(page.getByTestId('home')).click()

        await tap(page, page.getByTestId('staff-entry'))
        await audit(page, `${tag}-staff-signin`)
        await signInStaffByTouch(page, HELPER.staffNo, HELPER.password)
        await audit(page, `${tag}-helper-console`)
        await shown(page.getByTestId('start-assist')).click()
        await shown(page.getByTestId('consent-code')).waitFor()
        await audit(page, `${tag}-helper-consent-code`)
        const code = ((await shown(page.getByTestId('consent-code')).textContent()) ?? '').replace(/\s/g, '')
        await shown(page.getByTestId('approve-here')).click()
        await shown(page.getByTestId('card-prompt')).waitFor()
        await insertIdCard(page, RESIDENT)
        await shown(page.getByTestId('agree')).waitFor()
        for (const digit of code) await shown(page.getByTestId(`key-${digit}`)).click()
        await audit(page, `${tag}-helper-consent-keypad`)
        const before = await heading(page).textContent()
        await shown(page.getByTestId('agree')).click()
        await waitForHeadingChange(page, before)
        await shown(page.getByTestId('delegation-banner')).waitFor()
        await audit(page, `${tag}-delegated-home`)
        await shown(page.getByTestId('end-delegation')).click()
        await page.context().close()
      })
    }),
  )

  it('found no violation on any screen', () => {
    const failing = records
      .filter((r) => r.axe.length || r.own.length)
      .map((r) => ({ screen: r.name, axe: r.axe, own: r.own }))
    expect(records.length).toBeGreaterThan(100)
    expect(failing).toEqual([])
  })
})
