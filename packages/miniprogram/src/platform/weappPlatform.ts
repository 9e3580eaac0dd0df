/**
 * The mini-program's platform: the service over Taro.request, no kiosk devices, WeChat's own
 * sign-in, code scanning and subscribe messages, the 同声传译 voice and JSAPI payment.
 */
import { createMiniProgramTransport, type MiniProgramRequest } from '@bangban/core/api'
import type { Platform } from '@bangban/shared/platform/Platform'
import { currentPageName, PAGES, pageQuery, pageUrl } from '@bangban/shared/visit/nav'
import { appStore } from '@bangban/shared/state/appStore'
import { setPrivateListening } from '@bangban/shared/voice/settings'
import { wechatAdapter, type WxApi } from './wechatAdapter'
import { weappListener } from './weappListener'
import { weappSpeaker } from './weappSpeaker'
import Taro from '@tarojs/taro'

/** The stored session the service refused last: acted on once. */
let refused: string | null = null

export function createWeappPlatform(): Platform {
  // The resident's own phone, held to the ear: amounts and numbers may be said (the kiosk's hall may not).
  setPrivateListening(true)
  return {
    kind: 'weapp',
    apiBaseUrl: BANGBAN_API_BASE_URL,
    transport: createMiniProgramTransport(Taro.request as unknown as MiniProgramRequest),
    extraHeaders: {},
    speaker: weappSpeaker(),
    // 语音操作 through WechatSI; the 说话 button shows only once the resident turns it on.
    listener: weappListener(),
    wechat: wechatAdapter(Taro as unknown as WxApi),
    ...(BANGBAN_HELPER_LINE ? { helperLine: BANGBAN_HELPER_LINE } : {}),
    payment: {
      method: 'wechat-jsapi',
      // Taro does not promisify wx.requestPayment (its call returns nothing): WeChat's callbacks
      // say how the sheet closed, and a cancel or failure must reach the screen.
      requestPayment: (params) =>
        new Promise<void>((resolve, reject) => {
          Taro.requestPayment({ ...params, success: () => resolve(), fail: reject })
        }),
    },
    endSession() {
      appStore.reset()
      void Taro.reLaunch({ url: PAGES.home })
    },
    sessionRefused() {
      // Once, however many calls the page had in flight.
      const session = appStore.get().session
      if (!session || refused === session.token) return
      refused = session.token
      const forget = () => {
        if (appStore.get().session?.token === session.token) appStore.update({ session: null })
      }
      const page = currentPageName()
      if (page === 'signIn') return forget()
      const query: Record<string, string> = pageQuery()
      if (page && page !== 'home') query.next = page
      // Forgotten once sign-in has replaced the page: its own sign-in guard must not move it again.
      void Taro.redirectTo({ url: pageUrl('signIn', query) }).finally(forget)
    },
  }
}
