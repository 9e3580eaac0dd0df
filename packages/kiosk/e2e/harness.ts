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
import type { Clock } from '../../server/src/util/clock'
// The simulator's type, and its `window.bangbanSimulator` declaration.
import type {} from '../src/platform/simulator'
import type {} from '../src/platform/kioskSpeaker'
import { isNamedBy, mentionedControls } from '../../shared/src/voice/mentions'

export const SHOTS = resolve(__dirname, '../../../test-results/kiosk')
export const KIOSK_DIR = process.env.BANGBAN_KIOSK_DIR ?? resolve(__dirname, '../dist/h5')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** The key the harness's service gives its kiosk (as the shell or kiosk-config.json would). */
export const KIOSK_KEY = 'e2e-kiosk-key-0123456789'

export interface Harness {
  readonly service: Service
  readonly baseUrl: string
  readonly browser: Browser
  close(): Promise<void>
}

/** `clock`: the service's time, for tests that need a known time of day (the browser keeps its own). */
export async function startHarness(options: { readonly clock?: Clock } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'bangban-e2e-'))
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    BANGBAN_SEED: 'demo',
    BANGBAN_KIOSK_KEY: KIOSK_KEY,
    BANGBAN_DEMO_STAFF_PASSWORD: 'demo-pass-123',
    BANGBAN_KIOSK_DIR: KIOSK_DIR,
  })
  const service = await createService({ config, ...(options.clock ? { clock: options.clock } : {}) })
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
      // As the Electron shell's window (autoplayPolicy): the welcome speaks before any touch. Without
      // it the kiosk's AudioContext starts suspended and its resume() waits for a user gesture, which
      // only Playwright's own evaluate calls happen to give: audio then starts or not by timing.
      '--autoplay-policy=no-user-gesture-required',
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

/** Every kiosk page a test opened, for the prompt check after it (expectPromptsNameVisibleControls). */
const openedPages: Page[] = []

export async function newKioskPage(
  harness: Harness,
  viewport = { width: 1080, height: 1920 },
): Promise<Page> {
  const context = await harness.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  openedPages.push(page)
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
  await fullShot(page, join(SHOTS, `${name}.png`))
}

/**
 * A screenshot of the whole screen, not just what fits: Taro's H5 pages scroll inside their own
 * box, so for the picture the visible page is let out to its full height, then put back.
 */
export async function fullShot(page: Page, path: string): Promise<void> {
  const released = await page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter(
      (el) => getComputedStyle(el).display !== 'none',
    )
    for (const el of shown) {
      el.dataset.shotStyle = el.getAttribute('style') ?? ''
      el.style.setProperty('position', 'relative')
      el.style.setProperty('height', 'auto')
      el.style.setProperty('max-height', 'none')
      el.style.setProperty('overflow', 'visible')
    }
    return shown.length
  })
  try {
    await page.screenshot({ path, fullPage: true })
  } finally {
    if (released)
      await page.evaluate(() => {
        for (const el of document.querySelectorAll<HTMLElement>('.taro_page[data-shot-style]')) {
          el.setAttribute('style', el.dataset.shotStyle ?? '')
          delete el.dataset.shotStyle
        }
      })
  }
}

/**
 * Every button a prompt told the resident to press ("然后按确认预约", "press Book it") that was not a
 * visible control on the screen when the prompt was said, on one page.
 */
export async function promptsNamingAbsentControls(page: Page): Promise<string[]> {
  const said = await page.evaluate(() =>
    (window.bangbanVoice?.log ?? [])
      .filter((e) => e.kind === 'speak')
      .map((e) => ({ text: e.detail ?? '', lang: e.lang ?? 'zh-CN', controls: e.controls ?? [] })),
  )
  return said.flatMap(({ text, lang, controls }) =>
    mentionedControls(text, lang)
      .filter((name) => !controls.some((control) => isNamedBy(name, control)))
      .map((name) => `“${name}” is not on screen when saying: ${text}`),
  )
}

/** After each tour: no prompt named a control that was not there (every page the test opened). */
export async function expectPromptsNameVisibleControls(): Promise<void> {
  const pages = openedPages.splice(0)
  const problems: string[] = []
  for (const page of pages) if (!page.isClosed()) problems.push(...(await promptsNamingAbsentControls(page)))
  expect(problems).toEqual([])
}

/** What the screens asked the voice to say, in order (recorded by the simulator). */
export async function spoken(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window.bangbanSimulator?.speech ?? []).filter((e) => e.kind === 'speak').map((e) => e.text ?? ''),
  )
}

export async function insertIdCard(page: Page, card: { name: string; idNumber: string }): Promise<void> {
  // A screen subscribes to the reader just after it appears; a card read before that goes nowhere
  // (as with a real reader, where a card left on it is not read again by the next screen).
  await page.waitForFunction(() => (window.bangbanSimulator?.idCardListeners() ?? 0) > 0)
  await page.evaluate((c) => window.bangbanSimulator!.insertIdCard(c), card)
}

/** A call to the harness's service as a phone or another kiosk would make it: status and JSON body. */
export async function callApi<T = Record<string, unknown>>(
  harness: Harness,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T | null; text: string }> {
  const response = await fetch(`${harness.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'x-kiosk-key': KIOSK_KEY,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  })
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as T) : null, text }
}

/**
 * No full ID number and no full mobile number anywhere in what the page shows or holds in its
 * markup (every page of the stack, shown or not), nor any of `secrets`. Taro's own static
 * navigation bar (an SVG with a 13-digit timestamp attribute, hidden at the kiosk) is left out;
 * nothing of ours renders there.
 */
export async function expectNoIdentifiers(page: Page, secrets: readonly string[]): Promise<void> {
  const html = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement
    body.querySelector('#taro-navigation-bar')?.remove()
    return body.outerHTML
  })
  expect(html).toContain('bb-screen')
  expect(html).not.toMatch(/\d{17}[\dX]/)
  expect(html).not.toMatch(/1[3-9]\d{9}/)
  for (const secret of secrets) expect(html).not.toContain(secret)
}
