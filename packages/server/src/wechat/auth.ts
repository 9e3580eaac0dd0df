/**
 * WeChat sign-in: the mini-program's `wx.login` code is exchanged for the user's openid with
 * WeChat's code2Session (jscode2session). The session_key it also returns is dropped: we decrypt
 * no user data with it, and WeChat says it must never reach the client.
 */
import { createHash } from 'node:crypto'
import { AppError } from '../util/errors'
import type { WechatMiniProgramConfig } from './config'
import { callWechat, WechatApiError, WechatUnreachableError, type FetchLike } from './http'

export interface WechatIdentity {
  /** The user in this mini-program. */
  readonly openid: string
  /** The user across the operator's WeChat apps, when the mini-program is bound to an Open Platform account. */
  readonly unionid: string | null
}

/** The boundary to WeChat's login service; the real adapter and the development stand-in implement it. */
export interface WechatAuth {
  readonly name: 'wechat' | 'development'
  /** The user behind a wx.login code; WECHAT_CODE_INVALID or WECHAT_UNAVAILABLE when it cannot say. */
  code2Session(code: string): Promise<WechatIdentity>
}

/** code2Session errcodes that mean "this code will never work": log in again for a new one. */
const CODE_REFUSED = new Set([40029, 40163])
/** WeChat's risk control blocks this user (高风险等级用户). */
const USER_BLOCKED = 40226

const OPENID = /^[A-Za-z0-9_-]{6,64}$/

export interface WechatAuthLog {
  warn(details: Record<string, unknown>, message: string): void
}

export function wechatAuth(
  config: Pick<WechatMiniProgramConfig, 'baseUrl' | 'appid' | 'secret'>,
  options: { fetch?: FetchLike; log?: WechatAuthLog } = {},
): WechatAuth {
  const fetchFn = options.fetch ?? fetch
  return {
    name: 'wechat',
    async code2Session(code) {
      const query = new URLSearchParams({
        appid: config.appid,
        secret: config.secret,
        js_code: code,
        grant_type: 'authorization_code',
      })
      let body: Record<string, unknown>
      try {
        body = await callWechat(fetchFn, 'jscode2session', `${config.baseUrl}/sns/jscode2session?${query}`, {
          method: 'GET',
        })
      } catch (error) {
        if (error instanceof WechatApiError && CODE_REFUSED.has(error.errcode))
          throw new AppError('WECHAT_CODE_INVALID')
        if (error instanceof WechatApiError && error.errcode === USER_BLOCKED) throw new AppError('FORBIDDEN')
        if (error instanceof WechatApiError || error instanceof WechatUnreachableError) {
          // -1 busy, 45011 rate limit, 40013/40125 wrong AppID or AppSecret: our side or theirs, not the user's.
          options.log?.warn({ err: error.message }, 'WeChat sign-in failed')
          throw new AppError('WECHAT_UNAVAILABLE')
        }
        throw error
      }
      const { openid, unionid } = body
      if (typeof openid !== 'string' || !OPENID.test(openid)) {
        options.log?.warn({}, 'jscode2session answered without a usable openid')
        throw new AppError('WECHAT_UNAVAILABLE')
      }
      return { openid, unionid: typeof unionid === 'string' && unionid.length > 0 ? unionid : null }
    },
  }
}

/**
 * Development only (no WECHAT_APPID set): any code stands for the WeChat user `dev_<hash of code>`.
 * wx.login gives a fresh code each time, so every development sign-in goes through linking
 * (mobile number and SMS code, printed in the service log), the path a new user takes.
 */
export function developmentWechatAuth(): WechatAuth {
  return {
    name: 'development',
    async code2Session(code) {
      const digest = createHash('sha256').update(code).digest('base64url').slice(0, 24)
      return { openid: `dev_${digest}`, unionid: null }
    },
  }
}
