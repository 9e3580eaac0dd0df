/**
 * WeChat's own abilities for the shared screens: wx.login, wx.scanCode and
 * wx.requestSubscribeMessage. The wx calls are passed in (Taro's in the app, a recording stand-in
 * in tests), so what we ask of WeChat and how we read its answers is tested without WeChat.
 */
import type { WechatAdapter } from '@bangban/shared/platform/Platform'

/** The slice of Taro's API used here, in the shapes WeChat documents. */
export interface WxApi {
  login(options: { timeout?: number }): Promise<{ code?: string; errMsg: string }>
  scanCode(options: {
    onlyFromCamera: boolean
    scanType: string[]
  }): Promise<{ result: string; scanType?: string; errMsg: string }>
  requestSubscribeMessage(options: {
    tmplIds: string[]
    entityIds?: string[]
  }): Promise<{ errMsg: string } & Record<string, string>>
  /** Callbacks only: Taro does not promisify this one. */
  openPrivacyContract(options: { success?: () => void; fail?: (error: unknown) => void }): unknown
  makePhoneCall(options: { phoneNumber: string }): Promise<{ errMsg: string }>
}

/** WeChat shows at most three one-time templates in one request (older clients: one). */
export const MAX_TEMPLATES_PER_REQUEST = 3

function cancelled(error: unknown): boolean {
  const message = (error as { errMsg?: unknown } | null)?.errMsg
  return typeof message === 'string' && /cancel/i.test(message)
}

function privacyRefused(error: unknown): boolean {
  const { errno, errMsg } = (error ?? {}) as { errno?: unknown; errMsg?: unknown }
  return errno === 104 || (typeof errMsg === 'string' && /privacy/i.test(errMsg))
}

export function wechatAdapter(wx: WxApi): WechatAdapter {
  return {
    async login() {
      const { code } = await wx.login({ timeout: 10_000 })
      if (!code) throw new Error('wx.login gave no code')
      return code
    },
    async scanCode() {
      try {
        // The camera only: a resident must not pick a picture someone sent them.
        const { result } = await wx.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
        return result
      } catch (error) {
        // Gone back, or the privacy guide not agreed to (errno 104: the prompt says so itself).
        if (cancelled(error) || privacyRefused(error)) return null
        throw error
      }
    },
    async requestSubscribe(templateIds) {
      const ids = templateIds.slice(0, MAX_TEMPLATES_PER_REQUEST)
      if (ids.length === 0) return []
      try {
        const answer = await wx.requestSubscribeMessage({ tmplIds: [...ids] })
        return ids.filter((id) => answer[id] === 'accept')
      } catch {
        // Turned off in WeChat's settings (20004), no network (10002/10003): no reminders, nothing else changes.
        return []
      }
    },
    openPrivacyContract() {
      return new Promise<void>((resolve, reject) => {
        wx.openPrivacyContract({ success: () => resolve(), fail: reject })
      })
    },
    async makePhoneCall(phoneNumber) {
      try {
        await wx.makePhoneCall({ phoneNumber })
      } catch (error) {
        // The resident closed the dialler without calling: nothing to say.
        if (!cancelled(error)) throw error
      }
    },
  }
}
