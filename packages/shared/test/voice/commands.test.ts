/**
 * Voice commands: the fixed grammar from the on-screen words, the matcher, and the listeners with
 * their platform recognisers faked (neither works on this machine or in mainland Chromium).
 */
import { createI18n } from '@bangban/core/i18n'
import { commandGrammar, matchCommand } from '../../src/voice/commands/grammar'
import { listenForCommand, noListener } from '../../src/voice/commands/listener'
import { webSpeechListener } from '../../src/voice/commands/webSpeechListener'
import { wechatListener } from '../../src/voice/commands/wechatListener'
import type { RecordRecognitionManager, WechatSIPlugin } from '../../src/voice/wechat/api'

const zh = commandGrammar(createI18n('zh-CN').t)
const hk = commandGrammar(createI18n('zh-HK').t)
const en = commandGrammar(createI18n('en').t)

describe('command grammar', () => {
  it.each([
    ['预约挂号', { id: 'book' }],
    ['我要生活缴费。', { id: 'pay' }],
    ['确认', { id: 'confirm' }],
    ['确认预约', { id: 'confirm' }],
    ['返回', { id: 'back' }],
    ['再听一遍', { id: 'repeat' }],
    ['回到首页', { id: 'home' }],
    ['一三八', { id: 'digits', digits: '138' }],
    ['幺三八', { id: 'digits', digits: '138' }],
    ['138', { id: 'digits', digits: '138' }],
  ])('zh-CN: %s → %j', (heard, expected) => {
    expect(matchCommand(heard, zh, 'zh-CN')).toEqual(expected)
  })

  it('reads Cantonese and English wording from their own resources', () => {
    expect(matchCommand(createI18n('zh-HK').t('home.pay'), hk, 'zh-HK')).toEqual({ id: 'pay' })
    expect(matchCommand('Go back', en, 'en')).toEqual({ id: 'back' })
    expect(matchCommand('one three eight', en, 'en')).toEqual({ id: 'digits', digits: '138' })
  })

  it('hears nothing in chatter, silence, or two commands at once', () => {
    expect(matchCommand('今天天气不错', zh, 'zh-CN')).toBeNull()
    expect(matchCommand('', zh, 'zh-CN')).toBeNull()
    expect(matchCommand('返回确认', zh, 'zh-CN')).toBeNull()
  })
})

describe('listeners', () => {
  it('is off by default: no listener hears nothing and never asks for the microphone', async () => {
    expect(noListener.available()).toBe(false)
    await expect(listenForCommand(noListener, zh, 'zh-CN')).resolves.toBeNull()
  })

  it('maps a Web Speech recognition result to a command, with the Cantonese tag for zh-HK', async () => {
    const made: Array<{ lang: string }> = []
    class FakeRecognition {
      lang = ''
      continuous = true
      interimResults = true
      maxAlternatives = 5
      onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null = null
      onerror: ((e: { error: string }) => void) | null = null
      onend: (() => void) | null = null
      start() {
        made.push(this)
        setTimeout(
          () => this.onresult?.({ results: [[{ transcript: createI18n('zh-HK').t('nav.repeat') }]] }),
          1,
        )
      }
      stop() {}
      abort() {}
    }
    const listener = webSpeechListener(FakeRecognition)
    await expect(listenForCommand(listener, hk, 'zh-HK')).resolves.toEqual({ id: 'repeat' })
    expect(made[0]).toMatchObject({ lang: 'yue-Hant-HK', continuous: false, interimResults: false })
  })

  it('rejects when recognition fails (Chromium sends audio to Google: network), and treats no-speech as silence', async () => {
    const failing = (error: string) =>
      class {
        lang = ''
        continuous = false
        interimResults = false
        maxAlternatives = 1
        onresult = null
        onerror: ((e: { error: string }) => void) | null = null
        onend = null
        start() {
          setTimeout(() => this.onerror?.({ error }), 1)
        }
        stop() {}
        abort() {}
      }
    await expect(
      webSpeechListener(failing('network')).listen({ lang: 'zh-CN', timeoutMs: 1000 }),
    ).rejects.toThrow('network')
    await expect(
      webSpeechListener(failing('no-speech')).listen({ lang: 'zh-CN', timeoutMs: 1000 }),
    ).resolves.toBeNull()
    expect(webSpeechListener(undefined).available()).toBe(false)
  })

  it('listens through WechatSI with its language ids and the 60-second cap', async () => {
    const started: unknown[] = []
    const manager: RecordRecognitionManager = {
      start(options) {
        started.push(options)
        setTimeout(() => manager.onStop?.({ result: '返回。' }), 1)
      },
      stop() {},
      onStart: null,
      onRecognize: null,
      onStop: null,
      onError: null,
    }
    const plugin = { getRecordRecognitionManager: () => manager } as unknown as WechatSIPlugin
    await expect(listenForCommand(wechatListener(plugin), zh, 'zh-CN', 90000)).resolves.toEqual({
      id: 'back',
    })
    expect(started).toEqual([{ duration: 60000, lang: 'zh_CN' }])
    expect(wechatListener(null).available()).toBe(false)
  })
})
