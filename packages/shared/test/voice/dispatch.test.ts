/**
 * 语音操作 after 说话: one listening, the words matched against the on-screen commands, the same
 * action the button does; what is said when nothing fits; and the microphone asked for at the first
 * press only. The listener is a fake the test answers by hand.
 */
import { createI18n, type Language } from '@bangban/core/i18n'
import { commandGrammar } from '../../src/voice/commands/grammar'
import {
  dispatchCommand,
  messageKey,
  talkController,
  type CommandActions,
  type TalkOutcome,
} from '../../src/voice/commands/dispatch'
import { askingFirst, type VoiceListener } from '../../src/voice/commands/listener'

/** A listener whose every listening waits until the test says what was heard. */
function fakeListener(available = true, settleOnStop = true) {
  const pending: Array<{
    options: { lang: Language; timeoutMs: number }
    hear: (transcript: string | null) => void
    fail: (error: Error) => void
  }> = []
  let stops = 0
  const listener: VoiceListener = {
    id: 'fake',
    available: () => available,
    listen: (options) =>
      new Promise((resolve, reject) => pending.push({ options, hear: resolve, fail: reject })),
    stop: () => {
      stops += 1
      // As the real ones do: stopping ends the listening with silence.
      if (settleOnStop) pending.at(-1)?.hear(null)
    },
  }
  return { listener, pending, stops: () => stops }
}

function setUp(actions: CommandActions, lang: Language = 'zh-CN', available = true) {
  const fake = fakeListener(available)
  const t = createI18n(lang).t
  const silenced: number[] = []
  const controller = talkController({
    listener: fake.listener,
    language: () => lang,
    grammar: () => commandGrammar(t),
    actions: () => actions,
    silence: () => silenced.push(fake.pending.length),
    timeoutMs: 5000,
  })
  return { ...fake, controller, silenced, t }
}

describe('dispatchCommand', () => {
  it('presses the action the command names', () => {
    const confirm = jest.fn()
    expect(dispatchCommand({ id: 'confirm' }, { confirm })).toEqual({ kind: 'done', id: 'confirm' })
    expect(confirm).toHaveBeenCalledTimes(1)
  })

  it('gives digits to the screen keypad', () => {
    const digits = jest.fn()
    expect(dispatchCommand({ id: 'digits', digits: '138' }, { digits })).toEqual({
      kind: 'done',
      id: 'digits',
    })
    expect(digits).toHaveBeenCalledWith('138')
  })

  it('says so when the screen has no such button, and presses nothing', () => {
    const book = jest.fn()
    expect(dispatchCommand({ id: 'confirm' }, { book })).toEqual({ kind: 'notHere', id: 'confirm' })
    expect(dispatchCommand({ id: 'digits', digits: '1' }, { book })).toEqual({
      kind: 'notHere',
      id: 'digits',
    })
    expect(book).not.toHaveBeenCalled()
  })

  it('did not understand when nothing matched', () => {
    expect(dispatchCommand(null, { book: jest.fn() })).toEqual({ kind: 'notUnderstood' })
  })
})

describe('messageKey', () => {
  it('has a message for every unhappy outcome, and none when it worked or was stopped', () => {
    const keys = (outcomes: TalkOutcome[]) => outcomes.map(messageKey)
    expect(keys([{ kind: 'notUnderstood' }, { kind: 'notHere', id: 'confirm' }, { kind: 'failed' }])).toEqual(
      ['voice.command.notUnderstood', 'voice.command.notHere', 'voice.command.failed'],
    )
    expect(keys([{ kind: 'done', id: 'back' }, { kind: 'cancelled' }])).toEqual([null, null])
  })

  it.each(['zh-CN', 'zh-HK', 'en'] as const)('%s has the words for each message', (lang) => {
    const i18n = createI18n(lang)
    for (const key of ['voice.command.notUnderstood', 'voice.command.notHere', 'voice.command.failed'])
      expect(i18n.exists(key, { fallbackLng: [] })).toBe(true)
  })
})

describe('talkController', () => {
  it('stops our own voice, listens once in the visit language, and presses what was said', async () => {
    const home = jest.fn()
    const { controller, pending, silenced } = setUp({ home, repeat: jest.fn() })
    const outcome = controller.talk()
    expect(controller.listening()).toBe(true)
    expect(silenced).toEqual([0])
    expect(pending).toHaveLength(1)
    expect(pending[0]!.options).toEqual({ lang: 'zh-CN', timeoutMs: 5000 })
    pending[0]!.hear('回到首页。')
    await expect(outcome).resolves.toEqual({ kind: 'done', id: 'home' })
    expect(home).toHaveBeenCalledTimes(1)
    expect(controller.listening()).toBe(false)
  })

  it('maps the four home tiles in Cantonese', async () => {
    const tiles = { book: jest.fn(), pay: jest.fn(), request: jest.fn(), records: jest.fn() }
    const { controller, pending, t } = setUp(tiles, 'zh-HK')
    for (const id of ['book', 'pay', 'request', 'records'] as const) {
      const outcome = controller.talk()
      pending.at(-1)!.hear(t(`home.${id}`))
      await expect(outcome).resolves.toEqual({ kind: 'done', id })
      expect(tiles[id]).toHaveBeenCalledTimes(1)
    }
    expect(pending.map((p) => p.options.lang)).toEqual(['zh-HK', 'zh-HK', 'zh-HK', 'zh-HK'])
  })

  it('reads the actions after listening: the screen may have changed meanwhile', async () => {
    let actions: CommandActions = {}
    const fake = fakeListener()
    const controller = talkController({
      listener: fake.listener,
      language: () => 'zh-CN',
      grammar: () => commandGrammar(createI18n('zh-CN').t),
      actions: () => actions,
      silence: () => undefined,
    })
    const outcome = controller.talk()
    const confirm = jest.fn()
    actions = { confirm }
    fake.pending[0]!.hear('确认')
    await expect(outcome).resolves.toEqual({ kind: 'done', id: 'confirm' })
    expect(confirm).toHaveBeenCalled()
  })

  it('did not understand silence or chatter; a command not on this screen is not here', async () => {
    const { controller, pending } = setUp({ book: jest.fn() })
    let outcome = controller.talk()
    pending.at(-1)!.hear(null)
    await expect(outcome).resolves.toEqual({ kind: 'notUnderstood' })
    outcome = controller.talk()
    pending.at(-1)!.hear('今天天气不错')
    await expect(outcome).resolves.toEqual({ kind: 'notUnderstood' })
    outcome = controller.talk()
    pending.at(-1)!.hear('确认')
    await expect(outcome).resolves.toEqual({ kind: 'notHere', id: 'confirm' })
  })

  it('fails (and presses nothing) when the recogniser fails or cannot listen here', async () => {
    const back = jest.fn()
    const { controller, pending } = setUp({ back })
    const outcome = controller.talk()
    pending[0]!.fail(new Error('speech recognition: network'))
    await expect(outcome).resolves.toEqual({ kind: 'failed' })
    expect(controller.listening()).toBe(false)

    const off = setUp({ back }, 'zh-CN', false)
    await expect(off.controller.talk()).resolves.toEqual({ kind: 'failed' })
    expect(off.pending).toHaveLength(0)
    expect(back).not.toHaveBeenCalled()
  })

  it('stop() ends the listening; what it hears after that presses nothing', async () => {
    const back = jest.fn()
    const { controller, pending, stops } = setUp({ back })
    const outcome = controller.talk()
    const first = pending[0]!
    controller.stop()
    expect(stops()).toBe(1)
    expect(controller.listening()).toBe(false)
    first.hear('返回')
    await expect(outcome).resolves.toEqual({ kind: 'cancelled' })
    expect(back).not.toHaveBeenCalled()
    // Not listening: stopping again does not touch the recogniser.
    controller.stop()
    expect(stops()).toBe(1)
  })

  it('a recogniser that answers late, after stop(), is ignored whatever it answers', async () => {
    const back = jest.fn()
    for (const answer of ['heard', 'failed'] as const) {
      const fake = fakeListener(true, false)
      const controller = talkController({
        listener: fake.listener,
        language: () => 'zh-CN',
        grammar: () => commandGrammar(createI18n('zh-CN').t),
        actions: () => ({ back }),
        silence: () => undefined,
      })
      const outcome = controller.talk()
      controller.stop()
      if (answer === 'heard') fake.pending[0]!.hear('返回')
      else fake.pending[0]!.fail(new Error('aborted'))
      await expect(outcome).resolves.toEqual({ kind: 'cancelled' })
    }
    expect(back).not.toHaveBeenCalled()
  })

  it('a second talk() replaces the first: only the second one acts', async () => {
    const repeat = jest.fn()
    const { controller, pending } = setUp({ repeat })
    const first = controller.talk()
    const second = controller.talk()
    await expect(first).resolves.toEqual({ kind: 'cancelled' })
    pending[1]!.hear('再听一遍')
    await expect(second).resolves.toEqual({ kind: 'done', id: 'repeat' })
    expect(repeat).toHaveBeenCalledTimes(1)
  })
})

describe('askingFirst', () => {
  it('asks for the microphone at the first listening only, once granted', async () => {
    const fake = fakeListener()
    const ask = jest.fn(async () => true)
    const listener = askingFirst(fake.listener, ask)
    expect(ask).not.toHaveBeenCalled()
    for (const said of ['返回', '确认']) {
      const heard = listener.listen({ lang: 'zh-CN', timeoutMs: 1000 })
      await new Promise((resolve) => setImmediate(resolve))
      fake.pending.at(-1)!.hear(said)
      await expect(heard).resolves.toBe(said)
    }
    expect(ask).toHaveBeenCalledTimes(1)
  })

  it('fails without listening when refused, and asks again next time', async () => {
    const fake = fakeListener()
    const ask = jest.fn(async () => false)
    const listener = askingFirst(fake.listener, ask)
    await expect(listener.listen({ lang: 'zh-CN', timeoutMs: 1000 })).rejects.toThrow('permission')
    await expect(listener.listen({ lang: 'zh-CN', timeoutMs: 1000 })).rejects.toThrow('permission')
    expect(ask).toHaveBeenCalledTimes(2)
    expect(fake.pending).toHaveLength(0)
    expect(listener.available()).toBe(true)
    expect(askingFirst(fakeListener(false).listener, ask).available()).toBe(false)
  })
})
