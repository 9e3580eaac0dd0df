/**
 * The WeChat backends against fakes of WechatSI and the inner audio context, written from the
 * published API: the 1,000-byte limit, expiring links, the mute switch, errors and cancelling.
 */
import fc from 'fast-check'
import { utf8Length } from '../../src/voice/utf8'
import type {
  InnerAudioContext,
  TtsFailure,
  TtsResult,
  WechatAudioApi,
  WechatSIPlugin,
} from '../../src/voice/wechat/api'
import { loadWechatSI } from '../../src/voice/wechat/api'
import { splitForTts } from '../../src/voice/wechat/split'
import { wechatSpeaker } from '../../src/voice/wechat/wechatSpeaker'
import type { Utterance } from '../../src/voice/speaker'

describe('splitting for WechatSI', () => {
  it('keeps short prompts whole', () => {
    expect(splitForTts('第一步，请选择科室或服务。')).toEqual(['第一步，请选择科室或服务。'])
  })

  it('cuts long text at sentence ends into chunks of at most 1,000 bytes', () => {
    const sentence = '您的号码是甲零一二，请在预约时间前十五分钟到达。'
    const chunks = splitForTts(sentence.repeat(30))
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.every((c) => utf8Length(c) <= 1000)).toBe(true)
    expect(chunks.every((c) => c.endsWith('。'))).toBe(true)
    expect(chunks.join('')).toBe(sentence.repeat(30))
  })

  it('never loses or exceeds, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 1500 }),
        fc.integer({ min: 8, max: 1000 }),
        (text, max) => {
          const chunks = splitForTts(text, max)
          expect(chunks.every((c) => utf8Length(c) <= max)).toBe(true)
          expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
        },
      ),
    )
  })
})

interface FakeAudio extends InnerAudioContext {
  readonly id: number
  destroyed: boolean
  stopped: boolean
  ended(): void
  fail(): void
  played: boolean
}

function fakeWechat(options: { fail?: (content: string) => TtsFailure | null; expiresIn?: number } = {}) {
  const calls: Array<{ lang: string; content: string }> = []
  const contexts: FakeAudio[] = []
  const audioOptions: unknown[] = []
  let now = 1_800_000_000
  const plugin: WechatSIPlugin = {
    textToSpeech({ lang, content, success, fail }) {
      calls.push({ lang, content })
      const failure = options.fail?.(content)
      if (failure) return void Promise.resolve().then(() => fail(failure))
      const res: TtsResult = {
        retcode: 0,
        origin: content,
        filename: `https://ae.weixin.qq.com/tts/${calls.length}.mp3`,
        expired_time: now + (options.expiresIn ?? 3 * 3600),
      }
      void Promise.resolve().then(() => success(res))
    },
    getRecordRecognitionManager: () => {
      throw new Error('not used')
    },
  }
  const audio: WechatAudioApi = {
    setInnerAudioOption: (o) => audioOptions.push(o),
    createInnerAudioContext() {
      let onPlay = () => undefined as void
      let onEnded = () => undefined as void
      let onError = (_: { errCode: number; errMsg: string }) => undefined as void
      const ctx: FakeAudio = {
        id: contexts.length,
        src: '',
        volume: 1,
        playbackRate: 1,
        autoplay: true,
        destroyed: false,
        stopped: false,
        played: false,
        play() {
          ctx.played = true
          onPlay()
        },
        stop() {
          ctx.stopped = true
        },
        destroy() {
          ctx.destroyed = true
        },
        onPlay: (cb) => void (onPlay = cb),
        onEnded: (cb) => void (onEnded = cb),
        onError: (cb) => void (onError = cb),
        ended: () => onEnded(),
        fail: () => onError({ errCode: 10001, errMsg: 'system error' }),
      }
      contexts.push(ctx)
      return ctx
    },
  }
  return {
    plugin,
    audio,
    calls,
    contexts,
    audioOptions,
    advance: (s: number) => void (now += s),
    now: () => now,
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

function utterance(text: string, lang: Utterance['lang'], log: string[]): Utterance {
  return {
    text,
    lang,
    rate: 0.8,
    volume: 0.6,
    onstart: () => log.push('start'),
    onend: () => log.push('end'),
    onerror: (e) => log.push(`error:${e}`),
  }
}

describe('WechatSI engine', () => {
  it('speaks Mandarin through textToSpeech and an inner audio context that ignores the mute switch', async () => {
    const wx = fakeWechat()
    const engine = wechatSpeaker({ plugin: wx.plugin, audio: wx.audio, nowSeconds: wx.now })
    const log: string[] = []
    engine.speak(utterance('请选择要办的事。', 'zh-CN', log))
    await tick()
    expect(wx.calls).toEqual([{ lang: 'zh_CN', content: '请选择要办的事。' }])
    expect(wx.audioOptions).toEqual([{ obeyMuteSwitch: false }])
    const ctx = wx.contexts[0]!
    expect(ctx).toMatchObject({
      src: 'https://ae.weixin.qq.com/tts/1.mp3',
      volume: 0.6,
      playbackRate: 0.8,
      obeyMuteSwitch: false,
      played: true,
    })
    ctx.ended()
    await tick()
    expect(log).toEqual(['start', 'end'])
    expect(ctx.destroyed).toBe(true)
  })

  it('plays a long prompt chunk after chunk, asking for the next link while one plays', async () => {
    const wx = fakeWechat()
    const engine = wechatSpeaker({ plugin: wx.plugin, audio: wx.audio, nowSeconds: wx.now })
    const log: string[] = []
    const text = Array.from({ length: 40 }, (_, i) => `第${i}句话很长，用来测试分段。`).join('')
    engine.speak(utterance(text, 'zh-CN', log))
    await tick()
    await tick()
    expect(wx.calls.length).toBe(2)
    wx.contexts[0]!.ended()
    await tick()
    await tick()
    expect(wx.contexts[1]!.src).toBe('https://ae.weixin.qq.com/tts/2.mp3')
    wx.contexts[1]!.ended()
    await tick()
    expect(log).toEqual(['start', 'end'])
    expect(wx.calls.every((c) => utf8Length(c.content) <= 1000)).toBe(true)
  })

  it('reuses a link until shortly before it expires, then asks again', async () => {
    const wx = fakeWechat()
    const engine = wechatSpeaker({ plugin: wx.plugin, audio: wx.audio, nowSeconds: wx.now })
    const say = async () => {
      engine.speak(utterance('再听一遍', 'zh-CN', []))
      await tick()
      wx.contexts[wx.contexts.length - 1]!.ended()
      await tick()
    }
    await say()
    await say()
    expect(wx.calls.length).toBe(1)
    wx.advance(3 * 3600 - 60)
    await say()
    expect(wx.calls.length).toBe(2)
  })

  it('has no Cantonese: the chain gives zh-HK to the clips', () => {
    const wx = fakeWechat()
    const engine = wechatSpeaker({ plugin: wx.plugin, audio: wx.audio })
    expect(engine.canSpeak('你好', 'zh-HK')).toBe(false)
    const log: string[] = []
    engine.speak(utterance('你好', 'zh-HK', log))
    expect(log).toEqual(['error:language-unavailable'])
    expect(wx.calls).toEqual([])
  })

  it('fails before sound when the plugin refuses (rate limit, network), so another engine can speak', async () => {
    const limited = fakeWechat({ fail: () => ({ retcode: -40001, msg: 'limit' }) })
    const log: string[] = []
    wechatSpeaker({ plugin: limited.plugin, audio: limited.audio }).speak(utterance('你好', 'zh-CN', log))
    await tick()
    await tick()
    expect(log).toEqual(['error:audio-busy'])
    const broken = fakeWechat({ fail: () => ({ retcode: -20001 }) })
    const log2: string[] = []
    wechatSpeaker({ plugin: broken.plugin, audio: broken.audio }).speak(utterance('你好', 'zh-CN', log2))
    await tick()
    await tick()
    expect(log2).toEqual(['error:network'])
  })

  it('stops the audio on cancel and reports the interruption once', async () => {
    const wx = fakeWechat()
    const engine = wechatSpeaker({ plugin: wx.plugin, audio: wx.audio })
    const log: string[] = []
    engine.speak(utterance('你好', 'zh-CN', log))
    await tick()
    engine.cancel()
    engine.cancel()
    wx.contexts[0]!.ended()
    await tick()
    expect(log).toEqual(['start', 'error:interrupted'])
    expect(wx.contexts[0]).toMatchObject({ stopped: true, destroyed: true })
  })

  it('is no engine when the plugin is not declared (requirePlugin throws)', () => {
    expect(
      loadWechatSI(() => {
        throw new Error('plugin not defined')
      }),
    ).toBeNull()
    expect(loadWechatSI(undefined)).toBeNull()
    const engine = wechatSpeaker({ plugin: null, audio: fakeWechat().audio })
    expect(engine.available()).toBe(false)
  })
})
