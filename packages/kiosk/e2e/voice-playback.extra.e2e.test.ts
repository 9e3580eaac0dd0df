/**
 * The clips engine really plays in Chromium: start and end events come from WebAudio playing the
 * served clip files. Not yet part of the test command: headless Chromium on the CI machine does not
 * always start the audio (see issue 6); run with `pnpm test:voice-playback`.
 */
import type { Page } from 'playwright-core'
import { createI18n, type Language } from '../../shared/src/i18n'
import { normalizeFreeText } from '../../shared/src/voice/normalize'
import type { VoiceDiagnostics } from '../src/platform/kioskSpeaker'
import { newKioskPage, spoken, startHarness, type Harness } from './harness'

function prompt(key: string, lang: Language = 'zh-CN'): string {
  return normalizeFreeText(createI18n(lang).t(key), lang)
}

async function voiceLog(page: Page): Promise<VoiceDiagnostics['log']> {
  return page.evaluate(() => window.bangbanVoice?.log ?? [])
}

/** Waits until the voice log shows `kind` for the utterance of `text`. */
async function waitForVoice(page: Page, kind: 'start' | 'end', text: string): Promise<void> {
  await page.waitForFunction(
    ([k, t]) => (window.bangbanVoice?.log ?? []).some((e) => e.kind === k && e.detail === t),
    [kind, text] as const,
    { timeout: 45000 },
  )
}

describe('kiosk voice playback', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('speaks the welcome from the clips and plays it to the end', async () => {
    const page = await newKioskPage(harness)
    const home = prompt('voice.home')
    expect(await spoken(page)).toEqual([home])
    await waitForVoice(page, 'start', home)
    const log = await voiceLog(page)
    expect(log.find((e) => e.kind === 'engine')?.detail).toBe('clips')
    await waitForVoice(page, 'end', home)
    const done = await voiceLog(page)
    const start = done.find((e) => e.kind === 'start')!.at
    const end = done.find((e) => e.kind === 'end')!.at
    // The welcome is a long sentence: it takes seconds to say, so the clips really played.
    expect(end - start).toBeGreaterThan(4000)
    await page.context().close()
  })
})
