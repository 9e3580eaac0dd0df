/**
 * The counter queue end to end against the real service: residents take numbers at two kiosks
 * (取号 behind 呼叫帮办员), a helper at a third calls them to a window (叫下一位), and each kiosk
 * shows "请 H001 号到 2 号窗口" and asks its voice to say it, once.
 */
import type { Page } from 'playwright-core'
import { createI18n, type Language } from '@bangban/core/i18n'
import { normalizeFreeText } from '@bangban/core/speech'
import { axe, newKioskPage, shot, spoken, startHarness, type Harness } from './harness'
import { signInStaffByTouch } from './writing'

/** What the kiosk asks the voice to say for a key (numbers already read as words). */
function said(key: string, values: Record<string, string | number>, lang: Language = 'zh-CN'): string {
  return normalizeFreeText(createI18n(lang).t(key, values), lang)
}

/** Pages stay in Taro's stack: only the visible screen's controls count. */
function visible(page: Page, testId: string) {
  return page.locator(`[data-testid="${testId}"]:visible`)
}

/** Resolves after the kiosk's next poll of the queue has been answered. */
function nextPoll(page: Page) {
  return page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/queue', { timeout: 15_000 })
}

async function check(page: Page, name: string) {
  await shot(page, name)
  expect(await axe(page)).toEqual([])
}

describe('counter queue (取号 and 叫号) at the kiosk', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  const ticketsInDb = async () =>
    (await harness.service.ctx.db.selectFrom('queue_tickets').select(['ticket_no']).execute()).length

  it('a resident takes a number, a helper calls it, and the resident’s kiosk shows and says it once', async () => {
    // First resident, in Chinese.
    const resident = await newKioskPage(harness)
    await nextPoll(resident)
    await visible(resident, 'call-helper').click()
    const number = visible(resident, 'queue-number')
    await number.waitFor()
    const ticketNo = ((await number.textContent()) ?? '').trim()
    expect(ticketNo).toMatch(/^H\d{3}$/)
    await resident.getByRole('status').getByText('您的号码', { exact: true }).waitFor()
    await resident.getByText('前面没有人在等').waitFor()
    const takenSay = said('voice.queue.takenFirst', { ticket: ticketNo })
    // Read digit by digit, as a ticket: H零零一, never 一.
    expect(takenSay).toContain(`H${ticketNo.slice(1).replace(/0/g, '零').replace(/1/g, '一')}`)
    await resident.waitForFunction(
      (t) => (window.bangbanSimulator?.speech ?? []).some((e) => e.kind === 'speak' && e.text === t),
      takenSay,
    )
    await check(resident, 'zh-CN-queue-taken')

    // A second press in the same visit shows the same number and takes none.
    await visible(resident, 'call-helper-close').click()
    await visible(resident, 'call-helper').click()
    await expect(visible(resident, 'queue-number').textContent()).resolves.toBe(ticketNo)
    await resident.waitForFunction(
      (t) => (window.bangbanSimulator?.speech ?? []).some((e) => e.kind === 'speak' && e.text === t),
      said('voice.queue.again', { ticket: ticketNo }),
    )
    expect(await ticketsInDb()).toBe(1)

    // Second resident, in English, at another kiosk: one waiting ahead.
    const second = await newKioskPage(harness)
    await second.getByRole('radio', { name: 'English' }).click()
    await second.getByRole('heading', { name: 'What would you like to do?' }).waitFor()
    await nextPoll(second)
    await visible(second, 'call-helper').click()
    await second.getByText('Waiting before you: 1').waitFor()
    const secondNo = ((await visible(second, 'queue-number').textContent()) ?? '').trim()
    expect(secondNo).toMatch(/^H\d{3}$/)
    expect(secondNo).not.toBe(ticketNo)
    expect(await spoken(second)).toContain(said('voice.queue.taken', { ticket: secondNo, count: 1 }, 'en'))
    await check(second, 'en-queue-taken')

    // The helper, at the counter's own kiosk.
    const helper = await newKioskPage(harness)
    await helper.getByRole('button', { name: '工作人员' }).click()
    await signInStaffByTouch(helper, 'H1001', 'demo-pass-123')
    await helper.getByRole('heading', { name: '帮办台' }).waitFor()
    await helper.getByText('正在排队：2 人').waitFor({ timeout: 15_000 })
    await helper.getByRole('radio', { name: '2 号窗口' }).click()
    await expect(helper.getByRole('radio', { name: '2 号窗口' }).getAttribute('aria-checked')).resolves.toBe(
      'true',
    )
    await helper.getByRole('button', { name: '叫下一位' }).click()
    // The number on screen changes when the call's answer arrives: wait for it, not for the element.
    await visible(helper, 'called-number').filter({ hasText: ticketNo }).waitFor()
    // The helper's own kiosk shows the call and the new count at once, not at its next poll.
    await helper.getByText('正在排队：1 人').waitFor({ timeout: 3000 })
    await helper
      .getByRole('region', { name: '叫号' })
      .getByText(`请 ${ticketNo} 号到 2 号窗口`)
      .waitFor({ timeout: 3000 })
    await check(helper, 'zh-CN-queue-helper-called')

    // The first resident's kiosk shows the call on the screen that is open, and says it: it is
    // their own number, so it says 轮到您了.
    const callText = `轮到您了：请 ${ticketNo} 号到 2 号窗口`
    const banner = resident.getByRole('region', { name: '叫号' }).locator('visible=true')
    await banner.getByText(callText).waitFor({ timeout: 15_000 })
    const callSay = said('voice.queue.yourTurn', { ticket: ticketNo, count: 2 })
    expect(callSay).toContain('轮到您了')
    expect(callSay).toContain('二 号窗口')
    await resident.waitForFunction(
      (t) => (window.bangbanSimulator?.speech ?? []).some((e) => e.kind === 'speak' && e.text === t),
      callSay,
    )
    await check(resident, 'zh-CN-queue-called-banner')
    // Later polls (and re-renders) do not say it again.
    await nextPoll(resident)
    await nextPoll(resident)
    expect((await spoken(resident)).filter((t) => t === callSay)).toHaveLength(1)
    await expect(banner.getByText(callText).isVisible()).resolves.toBe(true)

    // The English kiosk says it in English, as someone else's number.
    await second
      .getByText(`Number ${ticketNo}, please go to window 2`, { exact: true })
      .waitFor({ timeout: 15_000 })
    expect(await spoken(second)).toContain(said('voice.queue.called', { ticket: ticketNo, count: 2 }, 'en'))

    // The next call goes on top; then nobody is left, in plain words.
    await helper.getByRole('button', { name: '叫下一位' }).click()
    await visible(helper, 'called-number').filter({ hasText: secondNo }).waitFor()
    await second
      .getByText(`Your turn: number ${secondNo}, please go to window 2`, { exact: true })
      .waitFor({ timeout: 15_000 })
    expect(await spoken(second)).toContain(said('voice.queue.yourTurn', { ticket: secondNo, count: 2 }, 'en'))
    await check(second, 'en-queue-called-banner')
    await helper.getByRole('button', { name: '叫下一位' }).click()
    await helper.getByText('现在没有人在排队。有人取号后，再按叫下一位。').waitFor()
    await expect(visible(helper, 'called-number').count()).resolves.toBe(0)
    await check(helper, 'zh-CN-queue-helper-empty')

    // Closing the banner takes it off the screen; nothing is said again.
    await banner.getByRole('button', { name: '知道了' }).click()
    await expect(
      resident.getByRole('region', { name: '叫号' }).locator('visible=true').count(),
    ).resolves.toBe(0)
    for (const page of [resident, second, helper])
      expect((page as unknown as { jsErrors: string[] }).jsErrors).toEqual([])
    for (const page of [resident, second, helper]) await page.context().close()
  })
})
