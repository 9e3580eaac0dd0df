/** What we ask of WeChat (wx.login, wx.scanCode, wx.requestSubscribeMessage) and how its answers are read. */
import { wechatAdapter, type WxApi } from '../src/platform/wechatAdapter'

function recordingWx(overrides: Partial<WxApi> = {}) {
  const calls: Array<{ api: string; options: unknown }> = []
  const wx: WxApi = {
    login: async (options) => (calls.push({ api: 'login', options }), { code: 'c0de', errMsg: 'login:ok' }),
    scanCode: async (options) => (
      calls.push({ api: 'scanCode', options }),
      { result: 'bangban://consent?id=c1&t=t1', errMsg: 'scanCode:ok' }
    ),
    requestSubscribeMessage: async (options) => (
      calls.push({ api: 'requestSubscribeMessage', options }),
      { errMsg: 'requestSubscribeMessage:ok' }
    ),
    openPrivacyContract: (options) => {
      calls.push({ api: 'openPrivacyContract', options: {} })
      options.success?.()
    },
    makePhoneCall: async (options) => (
      calls.push({ api: 'makePhoneCall', options }),
      { errMsg: 'makePhoneCall:ok' }
    ),
    ...overrides,
  }
  return { wx, calls }
}

it('logs in with wx.login and hands back its code; no code is an error', async () => {
  const { wx } = recordingWx()
  await expect(wechatAdapter(wx).login()).resolves.toBe('c0de')
  const empty = recordingWx({ login: async () => ({ errMsg: 'login:ok' }) })
  await expect(wechatAdapter(empty.wx).login()).rejects.toThrow(/no code/)
})

it('scans QR codes from the camera only, and reads going back as no code', async () => {
  const { wx, calls } = recordingWx()
  await expect(wechatAdapter(wx).scanCode()).resolves.toBe('bangban://consent?id=c1&t=t1')
  expect(calls).toEqual([{ api: 'scanCode', options: { onlyFromCamera: true, scanType: ['qrCode'] } }])
  const cancelled = recordingWx({ scanCode: async () => Promise.reject({ errMsg: 'scanCode:fail cancel' }) })
  await expect(wechatAdapter(cancelled.wx).scanCode()).resolves.toBeNull()
  const broken = recordingWx({
    scanCode: async () => Promise.reject({ errMsg: 'scanCode:fail system error' }),
  })
  await expect(wechatAdapter(broken.wx).scanCode()).rejects.toEqual({ errMsg: 'scanCode:fail system error' })
})

it('asks for at most three templates and returns the accepted ones', async () => {
  const { wx, calls } = recordingWx({
    requestSubscribeMessage: async (options) => {
      calls.push({ api: 'requestSubscribeMessage', options })
      return { errMsg: 'requestSubscribeMessage:ok', A: 'accept', B: 'reject', C: 'ban' }
    },
  })
  await expect(wechatAdapter(wx).requestSubscribe(['A', 'B', 'C', 'D'])).resolves.toEqual(['A'])
  expect(calls).toEqual([{ api: 'requestSubscribeMessage', options: { tmplIds: ['A', 'B', 'C'] } }])
  await expect(wechatAdapter(wx).requestSubscribe([])).resolves.toEqual([])
  expect(calls).toHaveLength(1)
})

it('reads subscriptions switched off in WeChat (20004) as none accepted', async () => {
  const { wx } = recordingWx({
    requestSubscribeMessage: async () =>
      Promise.reject({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' }),
  })
  await expect(wechatAdapter(wx).requestSubscribe(['A'])).resolves.toEqual([])
})

it('opens the dialler with the number, and reads closing it without calling as nothing wrong', async () => {
  const { wx, calls } = recordingWx()
  await wechatAdapter(wx).makePhoneCall('02112345678')
  expect(calls).toEqual([{ api: 'makePhoneCall', options: { phoneNumber: '02112345678' } }])
  const closed = recordingWx({
    makePhoneCall: async () => Promise.reject({ errMsg: 'makePhoneCall:fail cancel' }),
  })
  await expect(wechatAdapter(closed.wx).makePhoneCall('02112345678')).resolves.toBeUndefined()
  const broken = recordingWx({ makePhoneCall: async () => Promise.reject({ errMsg: 'makePhoneCall:fail' }) })
  await expect(wechatAdapter(broken.wx).makePhoneCall('1')).rejects.toMatchObject({
    errMsg: 'makePhoneCall:fail',
  })
})

it('opens WeChat’s privacy guide page', async () => {
  const { wx, calls } = recordingWx()
  await wechatAdapter(wx).openPrivacyContract()
  expect(calls).toEqual([{ api: 'openPrivacyContract', options: {} }])
})
