/**
 * Runs the real service on a fresh SQLite demo database, serving the built kiosk UI, and drives
 * it with Debian's Chromium through playwright-core. Screenshots go to test-results/kiosk/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'
import { loadConfig } from '../../server/src/config'
import { createService, type Service } from '../../server/src/service'
// The simulator's type, and its `window.bangbanSimulator` declaration.
import type {} from '../src/platform/simulator'

export const SHOTS = resolve(__dirname, '../../../test-results/kiosk')
export const KIOSK_DIR = process.env.BANGBAN_KIOSK_DIR ?? resolve(__dirname, '../dist/h5')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface Harness {
  readonly service: Service
  readonly baseUrl: string
  readonly browser: Browser
  close(): Promise<void>
}

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'bangban-e2e-'))
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    BANGBAN_SEED: 'demo',
    BANGBAN_KIOSK_KEY: 'e2e-kiosk-key-0123456789',
    BANGBAN_DEMO_STAFF_PASSWORD: 'demo-pass-123',
    BANGBAN_KIOSK_DIR: KIOSK_DIR,
  })
  const service = await createService({ config })
  if (!service.kioskUi)
    throw new Error(`no kiosk build in ${KIOSK_DIR}: run pnpm --filter @bangban/kiosk build first`)
  const address = await service.app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
  mkdirSync(SHOTS, { recursive: true })
  return {
    service,
    baseUrl: address,
    browser,
    close: async () => {
      await browser.close()
      await service.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function newKioskPage(
  harness: Harness,
  viewport = { width: 1080, height: 1920 },
): Promise<Page> {
  const context = await harness.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  ;(page as unknown as { jsErrors: string[] }).jsErrors = errors
  await page.goto(`${harness.baseUrl}/kiosk/`)
  await page.getByRole('heading', { level: 1 }).waitFor()
  return page
}

/** Runs axe-core on the page as it is now; returns the violations (none is the goal). */
export async function axe(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
  }))
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

/** What the screens asked the voice to say, in order (recorded by the simulator). */
export async function spoken(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window.bangbanSimulator?.speech ?? []).filter((e) => e.kind === 'speak').map((e) => e.text ?? ''),
  )
}

export async function insertIdCard(page: Page, card: { name: string; idNumber: string }): Promise<void> {
  await page.evaluate((c) => window.bangbanSimulator!.insertIdCard(c), card)
}
