/**
 * The mini-program's platform: the service over Taro.request, and no kiosk devices. WeChat
 * sign-in, the 同声传译 voice and JSAPI payment are added with the mini-program issue.
 */
import { createMiniProgramTransport, type MiniProgramRequest } from '@bangban/shared/api'
import type { Platform } from '@bangban/shared/platform/Platform'
import { PAGES } from '@bangban/shared/screens/nav'
import { appStore } from '@bangban/shared/state/appStore'
import { weappSpeaker } from './weappSpeaker'
import Taro from '@tarojs/taro'

export function createWeappPlatform(): Platform {
  return {
    kind: 'weapp',
    apiBaseUrl: BANGBAN_API_BASE_URL,
    transport: createMiniProgramTransport(Taro.request as unknown as MiniProgramRequest),
    extraHeaders: {},
    speaker: weappSpeaker(),
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
