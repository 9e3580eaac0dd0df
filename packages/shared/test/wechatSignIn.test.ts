import { ApiError } from '@bangban/core/api/errors'
import type { ApiClient } from '@bangban/core/api/client'
import { finishPhoneSignIn, mustRestartWechat, startWechatSignIn } from '../src/screens/signIn/wechatSignIn'

const SESSION = {
  token: 'tok_0123456789abcdefghij',
  expiresAt: '2026-12-31T00:00:00.000Z',
  resident: { id: 'res_1', maskedName: '王*明', maskedIdNumber: null, maskedPhone: '138****5678' },
}

/** A client that records what was called and answers from a table. */
function fakeApi(answers: Record<string, unknown>) {
  const calls: Array<{ name: string; input: unknown }> = []
  const api = {
    call: async (name: string, input: unknown) => {
      calls.push({ name, input })
      const answer = answers[name]
      if (answer instanceof Error) throw answer
      return answer
    },
  } as unknown as Pick<ApiClient, 'call'>
  return { api, calls }
}

describe('WeChat sign-in from the mini-program', () => {
  it('sends the wx.login code and signs a linked WeChat in', async () => {
    const { api, calls } = fakeApi({ signInWithWechat: { outcome: 'signed-in', ...SESSION } })
    const started = await startWechatSignIn({ login: async () => 'code123' }, api)
    expect(started).toEqual({ kind: 'signed-in', session: SESSION })
    expect(calls).toEqual([{ name: 'signInWithWechat', input: { body: { code: 'code123' } } }])
  })

  it('holds the link token of a WeChat seen for the first time', async () => {
    const { api } = fakeApi({
      signInWithWechat: { outcome: 'needs-link', linkToken: 'L'.repeat(43), expiresAt: SESSION.expiresAt },
    })
    await expect(startWechatSignIn({ login: async () => 'code123' }, api)).resolves.toEqual({
      kind: 'needs-link',
      linkToken: 'L'.repeat(43),
    })
  })

  it('turns a failed wx.login into WECHAT_UNAVAILABLE without calling the service', async () => {
    const { api, calls } = fakeApi({})
    const failing = { login: async () => Promise.reject(new Error('login:fail')) }
    await expect(startWechatSignIn(failing, api)).rejects.toMatchObject({ code: 'WECHAT_UNAVAILABLE' })
    expect(calls).toEqual([])
  })

  it('links the WeChat with the SMS code when a link token is held, else signs in by phone', async () => {
    const { api, calls } = fakeApi({ linkWechat: SESSION, signInWithPhone: SESSION })
    await finishPhoneSignIn(api, { phone: '13800138000', code: '123456', linkToken: 'L'.repeat(43) })
    await finishPhoneSignIn(api, { phone: '13800138000', code: '123456', linkToken: null })
    expect(calls).toEqual([
      {
        name: 'linkWechat',
        input: { body: { linkToken: 'L'.repeat(43), phone: '13800138000', code: '123456' } },
      },
      { name: 'signInWithPhone', input: { body: { phone: '13800138000', code: '123456' } } },
    ])
  })

  it('starts again from WeChat only when the link has lapsed, not after a mistyped code', () => {
    expect(mustRestartWechat(new ApiError('WECHAT_CODE_INVALID', 401, ''))).toBe(true)
    expect(mustRestartWechat(new ApiError('CODE_INVALID', 401, ''))).toBe(false)
  })
})
