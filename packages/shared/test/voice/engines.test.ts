/**
 * The engines behind the Speaker interface, each with its platform API faked at the boundary:
 * speechSynthesis (voice choice, events), the fallback chain, and the clips engine end to end on
 * the generated inventory.
 */
import { speakerChain } from '../../src/voice/chain'
import { segmentSpeaker } from '../../src/voice/clips/segmentSpeaker'
import { asEngine, silentSpeaker, type SpeechEngine, type Utterance } from '../../src/voice/speaker'
import { webSpeechSpeaker } from '../../src/voice/webSpeech'
import { fileAudioOut, loadInventory } from './support/clipFiles'

function events() {
  const log: string[] = []
  const utterance = (text: string, lang: Utterance['lang'] = 'zh-CN'): Utterance => ({
    text,
    lang,
    rate: 1,
    volume: 1,
    onstart: () => log.push(`start:${text}`),
    onend: () => log.push(`end:${text}`),
    onerror: (e) => log.push(`error:${text}:${e}`),
  })
  return { log, utterance }
}

/** speechSynthesis as Chromium on Linux shows it: voices tagged cmn / yue, events fired by the page. */
function fakeSynthesis(voices: Array<{ name: string; lang: string }>) {
  const spoken: Array<{
    text: string
    lang: string
    voice: unknown
    rate: number
    onstart: () => void
    onend: () => void
    onerror: (e: { error: string }) => void
  }> = []
  let cancelled = 0
  class FakeUtterance {
    lang = ''
    rate = 1
    volume = 1
    voice: unknown = null
    onstart = () => undefined
    onend = () => undefined
    onerror = (_e: { error: string }) => undefined
    constructor(readonly text: string) {}
  }
  const synthesis = {
    getVoices: () => voices,
    speak: (u: never) => spoken.push(u),
    cancel: () => {
      cancelled += 1
      const last = spoken[spoken.length - 1]
      last?.onerror({ error: 'interrupted' })
    },
  }
  return { synthesis, FakeUtterance, spoken, cancelled: () => cancelled }
}

describe('speechSynthesis engine', () => {
  const linuxVoices = [
    { name: 'Mandarin', lang: 'cmn' },
    { name: 'Cantonese', lang: 'yue' },
    { name: 'English', lang: 'en-GB' },
  ]

  it('picks the cmn / yue / en voice for our languages and passes rate and volume', () => {
    const fake = fakeSynthesis(linuxVoices)
    const engine = webSpeechSpeaker(fake.synthesis, fake.FakeUtterance)
    engine.speak({ text: '你好', lang: 'zh-HK', rate: 0.8, volume: 1 })
    expect(fake.spoken[0]).toMatchObject({ text: '你好', lang: 'yue', rate: 0.8, voice: linuxVoices[1] })
    expect(engine.getVoices().map((v) => [v.lang, v.name])).toEqual([
      ['zh-CN', 'Mandarin'],
      ['zh-HK', 'Cantonese'],
      ['en', 'English'],
    ])
  })

  it('reports start and end, and an interruption when a new prompt replaces the old', () => {
    const fake = fakeSynthesis(linuxVoices)
    const engine = webSpeechSpeaker(fake.synthesis, fake.FakeUtterance)
    const { log, utterance } = events()
    engine.speak(utterance('一'))
    fake.spoken[0]!.onstart()
    expect(engine.speaking()).toBe(true)
    engine.speak(utterance('二'))
    fake.spoken[1]!.onstart()
    fake.spoken[1]!.onend()
    expect(log).toEqual(['start:一', 'error:一:interrupted', 'start:二', 'end:二'])
    expect(engine.speaking()).toBe(false)
  })

  it('is unavailable with no voices (Linux without speech-dispatcher) and cannot speak a language it lacks', () => {
    const none = fakeSynthesis([])
    expect(webSpeechSpeaker(none.synthesis, none.FakeUtterance).available()).toBe(false)
    const englishOnly = fakeSynthesis([{ name: 'English', lang: 'en-US' }])
    const engine = webSpeechSpeaker(englishOnly.synthesis, englishOnly.FakeUtterance)
    expect(engine.canSpeak('你好', 'zh-CN')).toBe(false)
    expect(engine.canSpeak('hello', 'en')).toBe(true)
  })
})

/** An engine that does what the test says: speaks, fails before sound, or lacks a language. */
function scripted(
  id: string,
  behaviour: 'speaks' | 'fails' | 'unavailable',
  langs = ['zh-CN', 'zh-HK', 'en'],
) {
  const calls: string[] = []
  const engine: SpeechEngine = {
    id,
    available: () => behaviour !== 'unavailable',
    getVoices: () => [],
    canSpeak: (_t, lang) => langs.includes(lang),
    speaking: () => false,
    speak(u) {
      calls.push(u.text)
      if (behaviour === 'fails') u.onerror?.('network')
      else {
        u.onstart?.()
        u.onend?.()
      }
    },
    cancel: () => calls.push('cancel'),
  }
  return { engine, calls }
}

describe('fallback chain', () => {
  it('uses the first engine that can speak the language, falling back when one fails before sound', () => {
    const clips = scripted('clips', 'fails')
    const os = scripted('os', 'speaks')
    const used: string[] = []
    const chain = speakerChain([clips.engine, os.engine], { onEngine: (id) => used.push(id) })
    const { log, utterance } = events()
    chain.speak(utterance('你好'))
    expect(used).toEqual(['clips', 'os'])
    expect(log).toEqual(['start:你好', 'end:你好'])
  })

  it('skips engines without the language (WechatSI has no Cantonese)', () => {
    const wechat = scripted('wechat', 'speaks', ['zh-CN', 'en'])
    const clips = scripted('clips', 'speaks', ['zh-HK'])
    const chain = speakerChain([wechat.engine, clips.engine])
    chain.speak(events().utterance('你好', 'zh-HK'))
    expect(wechat.calls).toEqual([])
    expect(clips.calls).toEqual(['你好'])
  })

  it('is unavailable (the on-screen sign) only when no engine can speak', () => {
    expect(speakerChain([silentSpeaker, scripted('os', 'unavailable').engine]).available()).toBe(false)
    expect(speakerChain([silentSpeaker, scripted('os', 'speaks').engine]).available()).toBe(true)
  })

  it('reports a failure when every engine failed, and wraps plain Speakers', () => {
    const { log, utterance } = events()
    const plain = {
      available: () => true,
      speak: (u: Utterance) => u.onerror?.('synthesis-failed'),
      cancel: () => undefined,
    }
    speakerChain([scripted('a', 'fails').engine, asEngine(plain)]).speak(utterance('x'))
    expect(log).toEqual(['error:x:synthesis-unavailable'])
  })
})

describe('clips engine on the generated inventory', () => {
  function engine() {
    const out = fileAudioOut()
    const timers = { queue: [] as Array<() => void> }
    const speaker = segmentSpeaker({
      loadInventory: async (lang) => loadInventory(lang),
      out,
      timers: { setTimeout: (fn) => timers.queue.push(fn), clearTimeout: () => undefined },
    })
    const flush = () => timers.queue.splice(0).forEach((fn) => fn())
    return { out, speaker, flush }
  }

  it('says an English prompt with a Chinese place name from English phrases and Mandarin syllables', async () => {
    const { out, speaker, flush } = engine()
    await speaker.prepare('en')
    const { log, utterance } = events()
    speaker.speak(utterance('Step two. Choose the day for 全科.', 'en'))
    await new Promise((r) => setTimeout(r, 20))
    flush()
    expect(out.started.map((s) => s.ref)).toEqual([
      expect.stringMatching(/^en\/p\//),
      expect.stringMatching(/^en\/p\//),
      'zh-CN/s/quan2',
      'zh-CN/s/ke1',
    ])
    expect(log).toEqual([
      'start:Step two. Choose the day for 全科.',
      'end:Step two. Choose the day for 全科.',
    ])
  })

  it('can speak every prompt once loaded, but not text with characters it has no clip for', async () => {
    const { speaker } = engine()
    await speaker.prepare('zh-CN')
    expect(speaker.canSpeak('请选择', 'zh-CN')).toBe(true)
    expect(speaker.canSpeak('\u{2A6D6}', 'zh-CN')).toBe(false)
  })

  it('fails over to the next engine when its inventory cannot be loaded', async () => {
    const broken = segmentSpeaker({
      loadInventory: () => Promise.reject(new Error('404')),
      out: fileAudioOut(),
    })
    const os = scripted('os', 'speaks')
    const { log, utterance } = events()
    speakerChain([broken, os.engine]).speak(utterance('你好'))
    await new Promise((r) => setTimeout(r, 10))
    expect(os.calls).toEqual(['你好'])
    expect(log).toEqual(['start:你好', 'end:你好'])
    expect(broken.canSpeak('你好', 'zh-CN')).toBe(false)
  })

  it('stops on cancel and reports the interruption', async () => {
    const { out, speaker } = engine()
    await speaker.prepare('zh-CN')
    const { log, utterance } = events()
    speaker.speak(utterance('请选择要办的事'))
    await new Promise((r) => setTimeout(r, 20))
    speaker.cancel()
    expect(out.started.length).toBeGreaterThan(0)
    expect(out.started.every((s) => s.stopped)).toBe(true)
    expect(log).toEqual(['error:请选择要办的事:interrupted'])
  })
})
