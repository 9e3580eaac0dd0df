/** The page's side: devices, voices and the end of a visit through the shell's bridge. */
import type { KioskBridge } from '@bangban/shared/platform/KioskBridge'
import type { Speaker } from '@bangban/shared/voice/speaker'
import { bridgeDevices, endShellSession, withShellVoices } from '../../src/platform/shellBridge'

function fakeBridge(osVoices: string[]) {
  const calls: string[] = []
  let cardListener: ((card: { name: string; idNumber: string; validUntil: string | null }) => void) | null =
    null
  const bridge: KioskBridge = {
    printReceipt: async () => void calls.push('print'),
    idCard: { onRead: (l) => ((cardListener = l), () => (cardListener = null)) },
    qrScanner: { onScan: () => () => undefined },
    speech: {
      available: async (lang) => osVoices.includes(lang),
      speak: async (u) => void calls.push(`os:${u.text}`),
      cancel: async () => void calls.push('os:cancel'),
    },
    session: {
      wipe: async (options?: { reload?: boolean }) =>
        void calls.push(`shell-wipe ${options?.reload === false ? 'keep' : 'reload'}`),
    },
    kioskInfo: async () => Promise.reject(new Error('unused')),
  }
  return { bridge, calls, card: (c: Parameters<NonNullable<typeof cardListener>>[0]) => cardListener?.(c) }
}

const page = (available: boolean, calls: string[]): Speaker => ({
  available: () => available,
  speak: (u) => void calls.push(`page:${u.text}`),
  cancel: () => void calls.push('page:cancel'),
})

const flush = () => new Promise((resolve) => setImmediate(resolve))
const say = (text: string, lang: 'zh-CN' | 'zh-HK' = 'zh-CN') => ({ text, lang, rate: 1, volume: 1 })

describe('the page over the bridge', () => {
  it('hands the sign-in only the name and number of a card', () => {
    const { bridge, card } = fakeBridge([])
    const seen: unknown[] = []
    const stop = bridgeDevices(bridge).onIdCard((c) => seen.push(c))
    card({ name: '王小明', idNumber: '11010519491231002X', validUntil: '2035-06-01' })
    stop()
    card({ name: 'x', idNumber: 'y', validUntil: null })
    expect(seen).toEqual([{ name: '王小明', idNumber: '11010519491231002X' }])
  })

  it("uses the page's voices when it has them, and the OS voices where it has none", async () => {
    const withVoices = fakeBridge(['zh-CN'])
    const speaker = withShellVoices(page(true, withVoices.calls), withVoices.bridge.speech)
    await flush()
    speaker.speak(say('一'))
    expect(withVoices.calls).toEqual(['page:一'])

    const silent = fakeBridge(['zh-CN'])
    const fallback = withShellVoices(page(false, silent.calls), silent.bridge.speech)
    await flush()
    expect(fallback.available()).toBe(true)
    fallback.speak(say('二'))
    fallback.speak(say('三', 'zh-HK'))
    fallback.cancel()
    await flush()
    expect(silent.calls).toEqual(['os:二', 'page:三', 'page:cancel', 'os:cancel'])
  })

  it('is silent when neither has a voice', async () => {
    const { bridge, calls } = fakeBridge([])
    const speaker = withShellVoices(page(false, calls), bridge.speech)
    await flush()
    expect(speaker.available()).toBe(false)
  })

  it('ends a visit by wiping the page first, then asking the shell to clear its session', async () => {
    const { bridge, calls } = fakeBridge([])
    endShellSession(bridge, () => calls.push('page-wipe'))
    await flush()
    expect(calls).toEqual(['page-wipe', 'shell-wipe reload'])
  })

  it('keeps the page when a helper stays signed in after 结束代办', async () => {
    const { bridge, calls } = fakeBridge([])
    endShellSession(bridge, () => calls.push('page-wipe'), { helperStays: true })
    await flush()
    expect(calls).toEqual(['page-wipe', 'shell-wipe keep'])
  })
})
