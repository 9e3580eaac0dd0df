import { createI18n, resources, SUPPORTED_LANGUAGES } from '@bangban/core/i18n'
import { isNamedBy, mentionedControls } from '../../src/voice/mentions'
import { spokenTemplates } from '../../src/voice/clips/phrases'

describe('the buttons a prompt names', () => {
  it.each([
    ['第四步，请确认。没有问题请按确认预约。', ['确认预约']],
    ['请先确认身份。请按下面的微信登录。', ['微信登录']],
    ['同意请按同意，不同意请按拒绝。', ['同意', '拒绝']],
    ['请说出按钮上的字，比如：返回。', []],
    ['请按字母拼出读音。', []],
    ['请按“发给家人”，把卡片发给家人。', ['发给家人']],
  ])('zh: %s', (text, names) => {
    expect(mentionedControls(text, 'zh-CN')).toEqual(names)
  })

  it.each([
    ['If this is right, press Book it.', ['Book it']],
    ['Press Sign in with WeChat below.', ['Sign in with WeChat']],
    ['Press Agree to allow it, or Refuse.', ['Agree']],
    ['Please press the buttons on the screen.', []],
    ['Choose the bills to pay, then press Pay.', ['Pay']],
  ])('en: %s', (text, names) => {
    expect(mentionedControls(text, 'en')).toEqual(names)
  })

  it('matches a control whose name starts with the mention', () => {
    expect(isNamedBy('付款', '付款 ¥36.50')).toBe(true)
    expect(isNamedBy('确认预约', '确认身份后预约')).toBe(false)
  })

  // Every button a prompt names is a label somewhere in the same language's resources.
  it.each(SUPPORTED_LANGUAGES)('%s: every named button is a label of the screens', (lang) => {
    const t = createI18n(lang).t
    const labels: string[] = []
    const walk = (node: unknown): void => {
      if (typeof node === 'string') labels.push(node)
      else if (node && typeof node === 'object') Object.values(node).forEach(walk)
    }
    const { voice: _voice, ...rest } = resources[lang] as unknown as Record<string, unknown>
    walk(rest)
    const unknown = spokenTemplates(resources[lang]).flatMap(({ key }) =>
      mentionedControls(t(key, { amount: '¥1.00' }), lang)
        .filter(
          (name) => !labels.some((label) => isNamedBy(name, label.replace(/\{\{[^}]*\}\}/g, '').trim())),
        )
        .map((name) => `${key}: ${name}`),
    )
    expect(unknown).toEqual([])
  })
})
