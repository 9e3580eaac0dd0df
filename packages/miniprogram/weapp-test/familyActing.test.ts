/**
 * 为谁办理 in the built mini-program: on 家人代办 the family member presses 为 王*明 办理; from then
 * on every screen says so and asks with the family token, which is never saved on the phone;
 * 切换回自己 puts their own session back.
 */
import { bootApp, openPage, pressable, textOf, waitFor, type SimWx } from './sim'

const OWN = 'tok_own_0123456789abcdef'
const ACTING = 'tok_family_0123456789abc'
const STORAGE_KEY = 'bangban.visit.v1'

const grant = {
  id: 'fam_3',
  status: 'active',
  scopes: ['booking', 'payment'],
  member: { maskedName: '李*', maskedPhone: null },
  resident: { maskedName: '王*明' },
  requestedAt: '2026-12-01T00:00:00.000Z',
  pendingUntil: '2026-12-01T00:15:00.000Z',
  approvedAt: '2026-12-01T00:01:00.000Z',
  expiresAt: '2099-12-01T00:01:00.000Z',
  endedAt: null,
}

/** The bearer token each request to a path went out with, in order. */
const tokensFor = (wx: SimWx, path: string) =>
  wx.calls
    .filter((c) => c.api === 'request' && String(c.options.url).endsWith(path))
    .map((c) => (c.options.header as Record<string, string>).authorization?.replace('Bearer ', ''))

beforeAll(() => {
  bootApp({
    [STORAGE_KEY]: {
      language: 'zh-CN',
      session: {
        token: OWN,
        expiresAt: '2099-01-01T00:00:00.000Z',
        resident: { id: 'res_li', maskedName: '李*', maskedIdNumber: null, maskedPhone: null },
      },
    },
  })
})

it('switches to acting for a family member and back', async () => {
  const { wx } = bootApp()
  wx.respond((method, url) => {
    if (method === 'GET' && url.endsWith('/api/v1/me/family-grants'))
      return { status: 200, body: JSON.stringify({ given: [], received: [grant] }) }
    if (method === 'POST' && url.endsWith('/api/v1/family-grants/fam_3/token'))
      return {
        status: 201,
        body: JSON.stringify({
          token: ACTING,
          expiresAt: '2099-01-01T00:30:00.000Z',
          familyGrantId: 'fam_3',
          scopes: ['booking', 'payment'],
          resident: { id: 'res_wang', maskedName: '王*明', maskedIdNumber: null, maskedPhone: null },
        }),
      }
    if (method === 'GET' && /\/api\/v1\/(appointments|bills)/.test(url)) return { status: 200, body: '[]' }
    return { status: 404, body: '' }
  })

  const family = openPage('pages/family/index')
  await waitFor(() => textOf(family).includes('为 王*明 办理'), 'the grant received')
  const relaunches = () => wx.calls.filter((c) => c.api === 'reLaunch').length
  const before = relaunches()
  pressable(family, '为 王*明 办理').dispatchEvent('tap')
  await waitFor(() => relaunches() > before, 'back to the home page')
  expect(tokensFor(wx, '/api/v1/family-grants/fam_3/token')).toEqual([OWN])
  // The phone keeps its owner's session only.
  expect((wx.storage.get(STORAGE_KEY) as { session: { token: string } }).session.token).toBe(OWN)

  const records = openPage('pages/records/index')
  await waitFor(() => textOf(records).includes('正在为 王*明 办理'), 'the banner')
  await waitFor(() => tokensFor(wx, '/api/v1/appointments').length > 0, 'the appointments')
  expect(tokensFor(wx, '/api/v1/appointments')).toEqual([ACTING])
  // The grant covers no requests, and the resident's own trail is theirs alone: not asked for.
  expect(tokensFor(wx, '/api/v1/requests')).toEqual([])
  expect(tokensFor(wx, '/api/v1/me/audit')).toEqual([])

  const back = relaunches()
  pressable(records, '切换回自己').dispatchEvent('tap')
  await waitFor(() => relaunches() > back, 'back to the home page')
  const again = openPage('pages/records/index')
  await waitFor(() => tokensFor(wx, '/api/v1/me/audit').length > 0, 'the own trail')
  expect(textOf(again)).not.toContain('正在为')
  expect(tokensFor(wx, '/api/v1/me/audit')).toEqual([OWN])
  expect(tokensFor(wx, '/api/v1/appointments')).toEqual([ACTING, OWN])
})
