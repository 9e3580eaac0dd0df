/**
 * A session kept on the phone that the service no longer knows (signed out elsewhere, account
 * deleted, WeChat unlinked): the first refused call forgets it and opens sign-in with the job
 * kept, instead of "请先登录 / 再试一次" on every card of the page.
 */
import { startTestService, type TestService } from './service'
import { bootApp, currentQuery, openPage, pageStack, textOf, waitFor, waitForPage } from './sim'

let test: TestService

beforeAll(async () => {
  test = await startTestService()
  const { wx } = bootApp({
    'bangban.visit.v1': {
      language: 'zh-CN',
      session: {
        token: 'tok_the_service_forgot_this_one',
        expiresAt: '2099-01-01T00:00:00.000Z',
        resident: { id: 'res_gone', maskedName: '王*明', maskedIdNumber: null, maskedPhone: null },
      },
    },
  })
  wx.respond(test.handler)
})
afterAll(() => test.close())

it('leads a refused stored session to sign-in, the job kept, the session forgotten', async () => {
  const { wx } = bootApp()
  openPage('pages/records/index')
  const signIn = await waitForPage('pages/signin/index')
  expect(pageStack()).toEqual(['pages/signin/index'])
  expect(currentQuery()).toMatchObject({ next: 'records' })
  await waitFor(() => textOf(signIn).includes('微信登录'), 'the sign-in page')
  expect(textOf(signIn)).not.toContain('请先登录。')
  await waitFor(
    () => !(wx.storage.get('bangban.visit.v1') as { session?: unknown } | undefined)?.session,
    'the session to be forgotten on the phone',
  )
  // One redirect, however many calls the records page had in flight.
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(wx.calls.filter((c) => c.api === 'redirectTo')).toHaveLength(1)
  expect(pageStack()).toEqual(['pages/signin/index'])
  expect(textOf(signIn)).not.toContain('王*明，您好')
})
