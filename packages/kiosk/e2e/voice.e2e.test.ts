/**
 * The kiosk's voice in the built H5 against the real service: each screen asks for its prompt on
 * entry, 再听一遍 asks again, leaving a screen cancels, the volume chips say how loud they are, and
 * there is no 语音操作 (the kiosk has no listener). Real playback: voice-playback.e2e.test.ts.
 */
import type { Page } from 'playwright-core'
import { createI18n, type Language } from '@bangban/core/i18n'
import { normalizeFreeText } from '@bangban/core/speech'
import type { VoiceDiagnostics } from '../src/platform/kioskSpeaker'
import {
  newKioskPage,
  spoken,
  startHarness,
  type Harness,
  expectPromptsNameVisibleControls,
  promptsNamingAbsentControls,
} from './harness'

function prompt(key: string, lang: Language = 'zh-CN'): string {
  return normalizeFreeText(createI18n(lang).t(key), lang)
}

async function speech(page: Page) {
  return page.evaluate(() => window.bangbanSimulator?.speech ?? [])
}

async function voiceLog(page: Page): Promise<VoiceDiagnostics['log']> {
  return page.evaluate(() => window.bangbanVoice?.log ?? [])
}

/** Waits until the screens asked the voice to say `text` (whether or not audio could start). */
async function waitForRequest(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => (window.bangbanSimulator?.speech ?? []).some((e) => e.kind === 'speak' && e.text === t),
    text,
  )
}

/** The prompts each tile leads to, in order (反映问题 and 我的记录 ask who you are first). */
const SCREENS = [
  { tile: 'tile-book', heading: '选择科室或服务', says: ['voice.book.service'] },
  { tile: 'tile-pay', heading: '查找账单', says: ['voice.pay.findWithCard'] },
  { tile: 'tile-request', heading: '请先确认身份', says: ['voice.request.category', 'voice.signIn.card'] },
  { tile: 'tile-records', heading: '请先确认身份', says: ['voice.signIn.card'] },
] as const

/** Pages stay in Taro's stack: only the visible screen's buttons count. */
function visible(page: Page, testId: string) {
  return page.locator(`[data-testid="${testId}"]:visible`)
}

describe('kiosk voice', () => {
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

  it.each(SCREENS)(
    '$tile says $says on entry, 再听一遍 says it again, leaving cancels it',
    async (screen) => {
      const page = await newKioskPage(harness)
      const home = prompt('voice.home')
      await waitForRequest(page, home)
      await visible(page, screen.tile).click()
      await page.getByRole('heading', { name: screen.heading }).waitFor()
      const expected = screen.says.map((key) => prompt(key))
      const last = expected[expected.length - 1]!
      await page.waitForFunction(
        (t) => (window.bangbanSimulator?.speech ?? []).some((e) => e.kind === 'speak' && e.text === t),
        last,
      )
      expect(await spoken(page)).toEqual([home, ...expected])

      await visible(page, 'repeat').click()
      expect((await spoken(page)).slice(-2)).toEqual([last, last])

      await visible(page, 'home').click()
      await page.getByRole('heading', { name: createI18n('zh-CN').t('home.title') }).waitFor()
      await page.waitForFunction(
        (t) =>
          (window.bangbanSimulator?.speech ?? []).filter((e) => e.kind === 'speak' && e.text === t).length >=
          2,
        home,
      )
      const after = await speech(page)
      const repeated = after.map((e) => e.text).lastIndexOf(last)
      const kinds = after.slice(repeated + 1).map((e) => e.kind)
      expect(kinds[0]).toBe('cancel')
      expect(kinds[kinds.length - 1]).toBe('speak')
      expect(after[after.length - 1]!.text).toBe(home)
      await page.context().close()
    },
  )

  it('notes the controls on screen with every prompt, so a prompt naming an absent button is caught', async () => {
    const page = await newKioskPage(harness)
    await page.waitForFunction(() => (window.bangbanVoice?.log ?? []).some((e) => e.kind === 'speak'))
    await page.waitForTimeout(400)
    const first = (await page.evaluate(() => window.bangbanVoice?.log.find((e) => e.kind === 'speak')))!
    expect(first.controls).toEqual(expect.arrayContaining(['呼叫帮办员', '预约挂号 医院、社区服务']))
    expect(await promptsNamingAbsentControls(page)).toEqual([])
    await page.evaluate(() =>
      window.bangbanVoice?.log.push({
        kind: 'speak',
        at: 0,
        detail: '请按我的账户。',
        controls: ['返回'],
        lang: 'zh-CN',
      }),
    )
    expect(await promptsNamingAbsentControls(page)).toEqual([
      '“我的账户” is not on screen when saying: 请按我的账户。',
    ])
    await page.context().close()
  })

  it.each([
    ['lang-zh-HK', 'zh-HK'],
    ['lang-en', 'en'],
  ] as const)('after %s the welcome is said in that language from its clips', async (testId, lang) => {
    const page = await newKioskPage(harness)
    await page.getByTestId(testId).click()
    const expected = prompt('voice.home', lang)
    await page.waitForFunction(
      (t) => (window.bangbanSimulator?.speech ?? []).some((e) => e.kind === 'speak' && e.text === t),
      expected,
    )
    await page.waitForFunction(() => (window.bangbanVoice?.log ?? []).some((e) => e.kind === 'engine'))
    const engines = (await voiceLog(page)).filter((e) => e.kind === 'engine').map((e) => e.detail)
    expect(engines[engines.length - 1]).toBe('clips')
    await page.context().close()
  })

  it('音量: one level chosen at a time, each said at once so the resident hears it', async () => {
    const page = await newKioskPage(harness)
    const levels = ['volume-low', 'volume-medium', 'volume-high'] as const
    const checked = async (chosen: (typeof levels)[number]) => {
      await page.locator(`[data-testid="${chosen}"][aria-checked="true"]:visible`).waitFor()
      return Promise.all(levels.map((id) => visible(page, id).getAttribute('aria-checked')))
    }
    // A visit starts at the kiosk's level, 中 (EN 301 549: no louder than the hall allows).
    expect(await checked('volume-medium')).toEqual(['false', 'true', 'false'])
    const sample = prompt('voice.volumeCheck')
    await visible(page, 'volume-low').click()
    expect(await checked('volume-low')).toEqual(['true', 'false', 'false'])
    await waitForRequest(page, sample)
    await visible(page, 'volume-high').click()
    expect(await checked('volume-high')).toEqual(['false', 'false', 'true'])
    await page.waitForFunction(
      (t) =>
        (window.bangbanSimulator?.speech ?? []).filter((e) => e.kind === 'speak' && e.text === t).length >= 2,
      sample,
    )
    // No listener at the kiosk: neither the setting nor the 说话 button.
    expect(await page.locator('[data-testid="voice-commands"], [data-testid="talk"]').count()).toBe(0)
    await page.context().close()
  })

  it('asks for nothing from outside its own origin (the CSP stays intact)', async () => {
    const page = await harness.browser.newPage()
    const foreign: string[] = []
    const violations: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith(harness.baseUrl) && !r.url().startsWith('data:')) foreign.push(r.url())
    })
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
    })
    await page.goto(`${harness.baseUrl}/kiosk/`)
    await waitForRequest(page, prompt('voice.home'))
    // Give the clips engine time to fetch what it plays.
    await page.waitForTimeout(3000)
    expect(foreign).toEqual([])
    expect(violations).toEqual([])
    await page.close()
  })
})
