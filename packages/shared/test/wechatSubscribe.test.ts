import type { ApiClient } from '@bangban/core/api/client'
import { askForMessages } from '../src/screens/wechat/subscribe'

function fakes(accepted: string[]) {
  const order: string[] = []
  const wechat = {
    requestSubscribe: async (ids: readonly string[]) => {
      order.push(`wx.requestSubscribeMessage ${ids.join(',')}`)
      return accepted
    },
  }
  const api = {
    call: async (name: string, input: unknown) => {
      order.push(`${name} ${JSON.stringify(input)}`)
      return { credits: { appointment: 1, request: 0 } }
    },
  } as unknown as Pick<ApiClient, 'call'>
  return { wechat, api, order }
}

it('opens WeChat’s sheet first, then tells the service what was allowed', async () => {
  const { wechat, api, order } = fakes(['tmplA'])
  await expect(askForMessages(wechat, api, 'appointment', 'tmplA')).resolves.toBe(true)
  expect(order).toEqual([
    'wx.requestSubscribeMessage tmplA',
    'subscribeWechatMessages {"body":{"accepted":["appointment"]}}',
  ])
})

it('tells the service nothing when the user did not allow it', async () => {
  const { wechat, api, order } = fakes([])
  await expect(askForMessages(wechat, api, 'request', 'tmplR')).resolves.toBe(false)
  expect(order).toEqual(['wx.requestSubscribeMessage tmplR'])
})
