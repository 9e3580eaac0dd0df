/**
 * Signing in from the mini-program, apart from the screen so it can be tested: wx.login's code
 * goes to the service, which either signs the resident in (their WeChat is linked) or hands back a
 * link token; then the mobile number and SMS code link this WeChat and sign in, in one call.
 */
import type { ApiClient } from '@bangban/core/api/client'
import { ApiError } from '@bangban/core/api/errors'
import type { SessionResponse } from '@bangban/core/api/identity'
import type { WechatAdapter } from '../../platform/Platform'

export type WechatStart =
  | { readonly kind: 'signed-in'; readonly session: SessionResponse }
  | { readonly kind: 'needs-link'; readonly linkToken: string }

type Api = Pick<ApiClient, 'call'>

export async function startWechatSignIn(
  wechat: Pick<WechatAdapter, 'login'>,
  api: Api,
): Promise<WechatStart> {
  let code: string
  try {
    code = await wechat.login()
  } catch {
    // wx.login fails only without a network or when WeChat itself is unwell.
    throw new ApiError('WECHAT_UNAVAILABLE', 0, 'wx.login failed')
  }
  const answer = await api.call('signInWithWechat', { body: { code } })
  if (answer.outcome === 'needs-link') return { kind: 'needs-link', linkToken: answer.linkToken }
  const { outcome: _outcome, ...session } = answer
  return { kind: 'signed-in', session }
}

/** The last step with the SMS code: links this WeChat when a link token is held, else a plain phone sign-in. */
export async function finishPhoneSignIn(
  api: Api,
  input: { readonly phone: string; readonly code: string; readonly linkToken: string | null },
): Promise<SessionResponse> {
  const { phone, code, linkToken } = input
  if (linkToken) return api.call('linkWechat', { body: { linkToken, phone, code } })
  return api.call('signInWithPhone', { body: { phone, code } })
}

/** A lapsed or used link token cannot be retried: start again from WeChat. */
export function mustRestartWechat(error: ApiError): boolean {
  return error.code === 'WECHAT_CODE_INVALID'
}

/**
 * A resident signed in by phone links the WeChat they are using (a fresh wx.login code), so this
 * session can pay in WeChat: the service learns the payer from WeChat, never from the phone.
 */
export async function linkThisWechat(wechat: Pick<WechatAdapter, 'login'>, api: Api): Promise<void> {
  let code: string
  try {
    code = await wechat.login()
  } catch {
    throw new ApiError('WECHAT_UNAVAILABLE', 0, 'wx.login failed')
  }
  await api.call('linkMyWechat', { body: { code } })
}
