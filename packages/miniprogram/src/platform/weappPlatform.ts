/**
 * The mini-program's platform: the service over Taro.request, no kiosk devices, WeChat's own
 * sign-in, code scanning and subscribe messages, the 同声传译 voice and JSAPI payment.
 */
import { createMiniProgramTransport, type MiniProgramRequest } from '@bangban/core/api'
import type { Platform } from '@bangban/shared/platform/Platform'
import { PAGES } from '@bangban/shared/visit/nav'
import { appStore } from '@bangban/shared/state/appStore'
import { wechatAdapter, type WxApi } from './wechatAdapter'
import { weappListener } from './weappListener'
import { weappSpeaker } from './weappSpeaker'
import Taro from '@tarojs/taro'

export function createWeappPlatform(): Platform {
  return {
    kind: 'weapp',
    apiBaseUrl: BANGBAN_API_BASE_URL,
    transport: createMiniProgramTransport(Taro.request as unknown as MiniProgramRequest),
    extraHeaders: {},
    speaker: weappSpeaker(),
    // 语音操作 through WechatSI; the 说话 button shows only once the resident turns it on.
    listener: weappListener(),
    wechat: wechatAdapter(Taro as unknown as WxApi),
    payment: {
      method: 'wechat-jsapi',
      requestPayment: async (params) => {
        await Taro.requestPayment(params)
      },
    },
    endSession() {
      appStore.reset()
      void Taro.reLaunch({ url: PAGES.home })
    },
  }
}
