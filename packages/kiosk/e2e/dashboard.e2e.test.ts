/**
 * 运营看板 at the kiosk, end to end against the real service: data made through the API (requests,
 * one of them overdue; a booking; a WeChat payment a helper confirms in the sandbox), then an
 * administrator signs in at the discreet staff entry, lands on the dashboard, reads the figures and
 * charts by role and name, and searches the audit trail by helper. The service runs on its own
 * clock, starting at 08:00 tomorrow (Shanghai) so today's slots lie ahead whatever the hour, and
 * moved a day on so that one request is overdue.
 */
import type { Page } from 'playwright-core'
import { idCheckChar, shanghaiDate, shanghaiToInstant, addDays } from '@bangban/core/domain'
import type { Clock } from '../../server/src/util/clock'
import { axe, callApi, expectNoIdentifiers, newKioskPage, shot, startHarness, type Harness } from './harness'
import { signInStaffByTouch, typeOnKeys } from './writing'

const PASSWORD = 'demo-pass-123'
const DEMO = { name: '王小明', idNumber: '11010519491231002X' }
const first17 = '11010519500101234'
const OTHER = { name: '李四', idNumber: first17 + idCheckChar(first17) }
const HOUR = 3600_000

/** The service's time: the real time moved by `offset`, which the test sets. */
function offsetClock(): Clock & { moveTo(at: number): void; advance(ms: number): void } {
  let offset = 0
  return {
    now: () => new Date(Date.now() + offset),
    moveTo: (at) => {
      offset = at - Date.now()
    },
    advance: (ms) => {
      offset += ms
    },
  }
}

describe('operators dashboard (运营看板) at the kiosk', () => {
  const clock = offsetClock()
  let harness: Harness
  beforeAll(async () => {
    clock.moveTo(Date.parse(shanghaiToInstant(addDays(shanghaiDate(), 1), '08:00')))
    harness = await startHarness({ clock })
  })
  afterAll(async () => {
    await harness?.close()
  })

  async function api<T = Record<string, unknown>>(
    path: string,
    init: { method?: string; token?: string; body?: unknown } = {},
  ): Promise<T> {
    const { status, body, text } = await callApi<T>(harness, path, init)
    if (status < 200 || status >= 300) throw new Error(`${path}: ${status} ${text}`)
    return body as T
  }
  const resident = async (card: { name: string; idNumber: string }) =>
    (await api<{ token: string }>('/api/v1/sessions/id-card', { method: 'POST', body: card })).token
  const staff = async (staffNo: string) =>
    (
      await api<{ token: string }>('/api/v1/staff/sessions', {
        method: 'POST',
        body: { staffNo, password: PASSWORD },
      })
    ).token
  const report = (token: string, categoryId: string, gridId: string) =>
    api<{ id: string; requestNo: string }>('/api/v1/requests', {
      method: 'POST',
      token,
      body: { categoryId, gridId, description: '楼道灯坏了', contactPhone: '13800001111' },
    })

  async function check(page: Page, name: string) {
    await expectNoIdentifiers(page, [DEMO.name, PASSWORD])
    await shot(page, name)
    expect(await axe(page)).toEqual([])
  }

  it('shows an administrator today’s figures and finds a helper’s actions in the audit trail', async () => {
    // 08:00: a consultation (24-hour limit) in grid 1, and one in grid 2 answered within two hours.
    const demo = await resident(DEMO)
    const late = await report(demo, 'cat-consultation', 'grid-xfl-1')
    const answered = await report(demo, 'cat-consultation', 'grid-xfl-2')
    clock.advance(2 * HOUR)
    const worker = await staff('G2002')
    await api(`/api/v1/staff/requests/${answered.id}/accept`, { method: 'POST', token: worker })
    await api(`/api/v1/staff/requests/${answered.id}/resolve`, {
      method: 'POST',
      token: worker,
      body: { note: '已电话答复' },
    })

    // The next day, 09:00: the first is overdue; a repair in grid 1, a booking and a payment today.
    clock.advance(23 * HOUR)
    const other = await resident(OTHER)
    const fresh = await report(other, 'cat-repair', 'grid-xfl-1')
    const today = shanghaiDate(clock.now())
    const slots = await api<Array<{ id: string; startsAt: string; remaining: number }>>(
      `/api/v1/slots?serviceId=svc-general&date=${today}`,
    )
    const slot = slots.find((s) => s.remaining > 0 && Date.parse(s.startsAt) > clock.now().getTime())!
    await api('/api/v1/appointments', { method: 'POST', token: other, body: { slotId: slot.id } })
    const demoAgain = await resident(DEMO)
    const payment = await api<{ id: string }>('/api/v1/payments', {
      method: 'POST',
      token: demoAgain,
      body: { billIds: ['bill-w1000001-1'], method: 'wechat-native' },
    })
    const helper = await staff('H1001')
    await api(`/api/v1/staff/payments/${payment.id}/sandbox-confirm`, { method: 'POST', token: helper })

    const page = await newKioskPage(harness)
    await page.getByRole('button', { name: '工作人员' }).click()
    await signInStaffByTouch(page, 'A0001', PASSWORD)

    await page.getByRole('heading', { name: '运营看板', level: 1 }).waitFor()
    await page.getByText('管理员：赵站长（A0001）').waitFor()
    // Three requests in 30 days, one answered and resolved in two hours.
    await expect(page.getByTestId('figure-response-rate').textContent()).resolves.toContain('33%')
    await expect(page.getByTestId('figure-median-handling').textContent()).resolves.toContain('2 小时 0 分')
    // The charts, each one image named with every bar's number.
    await page.getByRole('img', { name: /今日预约图：全科 1 个；中医科 0 个；口腔科 0 个/ }).waitFor()
    await page
      .getByRole('img', {
        name: /今日缴费图：微信扫码 1 笔 ¥36\.50；微信小程序 0 笔 ¥0\.00；柜台现金 0 笔 ¥0\.00/,
      })
      .waitFor()
    await page.getByText('今天共 1 个预约').waitFor()
    await page.getByText('今天共 1 笔，合计 ¥36.50').waitFor()
    // Open requests: grid 1 has two, the overdue one first and marked in words.
    await page.getByText('共 2 件未办结，其中 1 件已超时').waitFor()
    const grid1 = page.getByRole('list', { name: '幸福里第一网格' })
    const lines = grid1.getByRole('listitem')
    await expect(lines.count()).resolves.toBe(2)
    await expect(lines.nth(0).textContent()).resolves.toMatch(new RegExp(`^已超时${late.requestNo}`))
    await expect(lines.nth(0).textContent()).resolves.toMatch(/超时 1 小时 \d+ 分/)
    await expect(lines.nth(1).textContent()).resolves.toContain(fresh.requestNo)
    await expect(lines.nth(1).textContent()).resolves.not.toContain('已超时')
    await check(page, 'zh-CN-admin-dashboard')

    // The audit trail, searched by the helper's staff number, today.
    const helperNo = page.getByTestId('audit-staff-no')
    await helperNo.getByTestId('audit-staff-no-box').click()
    await typeOnKeys(helperNo, 'H1001')
    await helperNo.getByTestId('entry-key-done').click()
    await page.getByRole('radio', { name: '今天' }).click()
    await page.getByRole('button', { name: '查询', exact: true }).click()
    const results = page.getByTestId('audit-line')
    await results.first().waitFor()
    const texts = await results.allTextContents()
    expect(texts.some((t) => /张\*办（工号 H1001）为居民 王\*明：确认已收款（演示环境）/.test(t))).toBe(true)
    expect(texts.some((t) => /张\*办（工号 H1001）：登录工作人员账号/.test(t))).toBe(true)
    expect(texts.every((t) => t.includes('H1001'))).toBe(true)
    await page.getByText(`找到 ${texts.length} 条记录`).waitFor()
    // Narrowed to the resident of one line, by their masked name.
    await page.getByRole('button', { name: '只看此居民 王*明' }).first().click()
    await page.getByTestId('audit-resident').getByText('只看居民：王*明').waitFor()
    await page.getByText('找到 1 条记录').waitFor()
    await check(page, 'zh-CN-admin-audit')

    // The admin is also a helper: the console is one press away, and back.
    await page.getByRole('button', { name: '去帮办台' }).click()
    await page.getByRole('heading', { name: '帮办台' }).waitFor()
    await page.getByRole('button', { name: '运营看板' }).click()
    await page.getByRole('heading', { name: '运营看板', level: 1 }).waitFor()
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByRole('heading', { name: '请选择要办的事' }).waitFor()
    await expect(page.getByRole('button', { name: '工作人员' }).isVisible()).resolves.toBe(true)
    expect((page as unknown as { jsErrors: string[] }).jsErrors).toEqual([])
  })

  it('reads the same in English, and passes the accessibility audit', async () => {
    const page = await newKioskPage(harness)
    await page.getByRole('radio', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Staff' }).click()
    await signInStaffByTouch(page, 'A0001', PASSWORD)
    await page.getByRole('heading', { name: 'Operations dashboard', level: 1 }).waitFor()
    await page.getByRole('img', { name: /^Chart of appointments today: 全科: 1; 中医科: 0/ }).waitFor()
    await page
      .getByRole('img', {
        name: /^Chart of payments today: WeChat QR code: 1, ¥36\.50; WeChat mini-program: 0, ¥0\.00/,
      })
      .waitFor()
    await page.getByText('2 open, 1 of them overdue').waitFor()
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await page.getByTestId('audit-line').first().waitFor()
    await check(page, 'en-admin-dashboard')
  })

  it('sends a helper to the console, not the dashboard', async () => {
    const page = await newKioskPage(harness)
    await page.getByRole('button', { name: '工作人员' }).click()
    await signInStaffByTouch(page, 'H1002', PASSWORD)
    await page.getByRole('heading', { name: '帮办台' }).waitFor()
    await expect(page.getByRole('button', { name: '运营看板' }).count()).resolves.toBe(0)
  })
})
