/**
 * No horizontal scrolling on a portrait kiosk (1080×1920), a landscape one (1920×1080), or at 200%
 * zoom (the same screen at half the CSS width), in the largest text size and the longest language.
 */
import type { Page } from 'playwright-core'
import { createI18n } from '@bangban/core/i18n'
import { insertIdCard, shot, startHarness, type Harness } from './harness'

// Each books a different department: one resident may hold one booking per department and day.
const VIEWPORTS = [
  { name: 'portrait', width: 1080, height: 1920, department: '全科' },
  { name: 'landscape', width: 1920, height: 1080, department: '中医科' },
  { name: 'zoom-200', width: 540, height: 960, department: '口腔科' },
]
const RESIDENT = { name: '王小明', idNumber: '11010519491231002X' }

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
    // Taro's H5 pages scroll inside their own box: a sideways overflow there never reaches the document.
    const overflow = await page.evaluate(() =>
      Math.max(
        ...[document.documentElement, ...document.querySelectorAll('.taro_page')]
          .filter((el) => getComputedStyle(el).display !== 'none')
          .map((el) => el.scrollWidth - el.clientWidth),
      ),
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
      const heading = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor()
      await page.goto(`${harness.baseUrl}/kiosk/`)
      await page.getByRole('radio', { name: '特大' }).click()
      for (const lang of ['en', 'zh-CN'] as const) {
        await page.getByTestId(`lang-${lang}`).click()
        await heading(createI18n(lang).t('home.title'))
        await noSideScroll(page, `${viewport.name}-${lang}-home`)
      }
      await page.getByTestId('tile-book').click()
      await heading('选择科室或服务')
      await page.getByRole('radio', { name: viewport.department }).click()
      await heading('选择日期')
      await page.getByRole('radio', { name: /明天/ }).click()
      await heading('选择时间')
      await page.getByRole('radio', { name: /剩/ }).first().click()
      await heading('确认预约')
      await noSideScroll(page, `${viewport.name}-book-confirm`)
      await page.getByRole('button', { name: '确认身份后预约' }).click()
      await heading('请先确认身份')
      await noSideScroll(page, `${viewport.name}-signin`)
      await insertIdCard(page, RESIDENT)
      await page.getByRole('button', { name: '确认预约' }).click()
      await heading('预约成功')
      await noSideScroll(page, `${viewport.name}-book-success`)
      await page.getByTestId('home').click()
      await page.getByTestId('tile-pay').click()
      await heading('查找账单')
      await page.getByRole('radio', { name: '水费' }).click()
      await noSideScroll(page, `${viewport.name}-pay-keypad`)
      await context.close()
    },
  )
})
