/**
 * The clips engine really plays in Chromium: the welcome's clip files are fetched from the service
 * and decoded, WebAudio schedules them, and the utterance starts and ends with no error and no
 * fallback to another engine — on a page nobody has touched, as at a kiosk before anyone arrives.
 *
 * It once timed out waiting for the first start on CI. The kiosk's AudioContext is made when the
 * page loads; under Chromium's default autoplay policy it starts suspended and its resume() waits
 * for a user gesture. Playwright's own evaluate and locator calls count as one (they run with
 * userGesture), so audio started only when the test happened to call one before the last clip of
 * the welcome was decoded. The harness now launches Chromium with the autoplay policy the Electron
 * shell sets on its window, and this test reads the page only through a CDP evaluate without a
 * gesture, so nothing it does can unlock the audio.
 */
import type { CDPSession, Page } from 'playwright-core'
import { createI18n, type Language } from '@bangban/core/i18n'
import { normalizeFreeText } from '@bangban/core/speech'
import type { VoiceDiagnostics } from '../src/platform/kioskSpeaker'
import { startHarness, type Harness } from './harness'

type VoiceLog = VoiceDiagnostics['log']

function prompt(key: string, lang: Language = 'zh-CN'): string {
  return normalizeFreeText(createI18n(lang).t(key), lang)
}

/** Reads the page as a script would, without the user gesture Playwright's evaluate carries. */
function untouched(cdp: CDPSession) {
  return async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      returnByValue: true,
      userGesture: false,
    })
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`)
    return result.value as T
  }
}

/** Polls until `done` holds for the voice log, or fails with the log; never a user gesture. */
async function waitForLog(
  read: ReturnType<typeof untouched>,
  what: string,
  done: (log: VoiceLog) => boolean,
): Promise<VoiceLog> {
  // A safety net, not a measure: the clips are local and this normally takes a second or so.
  for (let tries = 0; tries < 600; tries += 1) {
    const log = await read<VoiceLog>('window.bangbanVoice ? window.bangbanVoice.log : []')
    if (done(log) || log.some((e) => e.kind === 'error')) return log
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no ${what}: voice log ${JSON.stringify(await read('window.bangbanVoice?.log'))}`)
}

describe('kiosk voice playback', () => {
  let harness: Harness
  let page: Page | null = null
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await page?.context().close()
    await harness?.close()
  })

  it('speaks the welcome from the clips before anyone touches the screen, and plays it to the end', async () => {
    const context = await harness.browser.newContext({
      viewport: { width: 1080, height: 1920 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
    page = await context.newPage()
    const read = untouched(await context.newCDPSession(page))
    await page.goto(`${harness.baseUrl}/kiosk/`)
    const home = prompt('voice.home')
    const has = (kind: VoiceLog[number]['kind']) => (log: VoiceLog) =>
      log.some((e) => e.kind === kind && e.detail === home)

    let log = await waitForLog(read, 'start', has('start'))
    expect(log.filter((e) => e.kind === 'error')).toEqual([])
    expect(log.filter((e) => e.kind === 'engine').map((e) => e.detail)).toEqual(['clips'])
    const requested = await read<string[]>(
      `(window.bangbanSimulator?.speech ?? []).filter((e) => e.kind === 'speak').map((e) => e.text)`,
    )
    expect(requested).toEqual([home])
    // Several clips make the sentence (phrases and syllables), all served and decoded before the start.
    const clips = await read<string[]>(
      `performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
        .filter((p) => p.includes('/voice/zh-CN/') && p.endsWith('.wav'))`,
    )
    expect(clips.length).toBeGreaterThan(1)

    log = await waitForLog(read, 'end', has('end'))
    expect(log.map((e) => e.kind)).toEqual(['speak', 'engine', 'start', 'end'])
  })
})
