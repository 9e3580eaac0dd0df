/**
 * No horizontal scrolling on a portrait kiosk (1080×1920), a landscape one (1920×1080), or at 200%
 * zoom (the same screen at half the CSS width), in the largest text size and the longest language.
 */
import type { Page } from 'playwright-core'
import { insertIdCard, shot, startHarness, type Harness } from './harness'

const VIEWPORTS = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'zoom-200', width: 540, height: 960 },
]

describe('kiosk layout', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  async function noSideScroll(page: Page, name: string) {
    await shot(page, `layout-${name}`)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect({ name, overflow }).toEqual({ name, overflow: 0 })
  }

  it.each(VIEWPORTS)(
    'has no horizontal scroll on $name screens, extra-large text, in English and Chinese',
    async (viewport) => {
      const context = await harness.browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
      })
      const page = await context.newPage()
      await page.goto(`${harness.baseUrl}/kiosk/`)
      await page.getByRole('radiogroup').nth(1).getByRole('radio').nth(1).click()
      for (const lang of ['en', 'zh-CN'] as const) {
        await page.getByTestId(`lang-${lang}`).filter({ visible: true }).first().click()
        await noSideScroll(page, `${viewport.name}-${lang}-home`)
      }
      await page.getByTestId('tile-book').click()
      await page.getByRole('radio').filter({ visible: true }).first().click()
      await page.getByRole('radio').filter({ visible: true }).nth(1).click()
      await page.getByRole('radio').filter({ visible: true }).first().click()
      await noSideScroll(page, `${viewport.name}-book-confirm`)
      await page.getByTestId('confirm-booking').filter({ visible: true }).click()
      await insertIdCard(page, { name: '王小明', idNumber: '11010519491231002X' })
      await page.getByTestId('confirm-booking').filter({ visible: true }).click()
      await page.getByTestId('ticket-no').filter({ visible: true }).waitFor()
      await noSideScroll(page, `${viewport.name}-book-success`)
      await page.getByTestId('home').filter({ visible: true }).click()
      await page.getByTestId('tile-pay').filter({ visible: true }).click()
      await page.getByRole('radio').filter({ visible: true }).first().click()
      await noSideScroll(page, `${viewport.name}-pay-keypad`)
      await context.close()
    },
  )
})
