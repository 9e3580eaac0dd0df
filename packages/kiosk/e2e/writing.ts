/**
 * Writing on the kiosk as a person does, by touch only: tapping the on-screen keys, and drawing
 * characters on the handwriting pad stroke by stroke with touch events (Chrome DevTools Protocol,
 * as a finger on the panel), from stroke paths the handwriting package's test-set writer makes from
 * Make Me a Hanzi's outlines (not the medians the recogniser matches against).
 */
import type { Locator, Page } from 'playwright-core'
import { writeSample } from '../../handwriting/testset'
import { PASSWORD_SYMBOLS } from '../../shared/src/entry/text'

/** Taps one on-screen key of an entry. */
async function tapKey(scope: Locator, id: string): Promise<void> {
  await scope.getByTestId(`entry-key-${id}`).click()
}

/**
 * Types text on an entry's letter keys (staff number, password, English): capitals through 大写,
 * symbols through 符号, as a person would. `scope`: the entry (its test id).
 */
export async function typeOnKeys(scope: Locator, text: string): Promise<void> {
  let capitals = (await scope.getByTestId('entry-key-shift').count()) === 0 // a staff number: capitals only
  let symbols = false
  for (const ch of text) {
    const isSymbol = PASSWORD_SYMBOLS.includes(ch) || ',.?!:'.includes(ch)
    if (isSymbol !== symbols) {
      await tapKey(scope, 'symbols')
      symbols = isSymbol
    }
    if (isSymbol) {
      await tapKey(scope, `symbol-${ch}`)
      continue
    }
    if (/[a-z]/i.test(ch)) {
      const upper = ch === ch.toUpperCase()
      if (upper !== capitals) {
        await tapKey(scope, 'shift')
        capitals = upper
      }
    }
    await tapKey(scope, ch === ' ' ? 'space' : ch)
  }
}

/**
 * Writes a staff number and password on the kiosk's 工作人员登录 with the on-screen keys only
 * (each field cleared first), leaving 登录 to the caller.
 */
export async function writeStaffSignIn(page: Page, staffNo: string, password: string): Promise<void> {
  const number = page.getByTestId('staff-no').filter({ visible: true })
  await number.getByTestId('staff-no-box').click()
  await number.getByTestId('entry-key-clear').click()
  await typeOnKeys(number, staffNo)
  await number.getByTestId('entry-key-done').click()
  const secret = page.getByTestId('staff-password').filter({ visible: true })
  await secret.getByTestId('entry-key-clear').click()
  await typeOnKeys(secret, password)
  await secret.getByTestId('entry-key-done').click()
}

/** Signs a member of staff in on the kiosk's 工作人员登录 with the on-screen keys only. */
export async function signInStaffByTouch(page: Page, staffNo: string, password: string): Promise<void> {
  await writeStaffSignIn(page, staffNo, password)
  await page.getByTestId('staff-sign-in').filter({ visible: true }).click()
}

/**
 * Draws a character on the pad with touch events, stroke by stroke at the pace the writer made
 * (points every 16 ms, sped up 4×), and waits until the pad has seen every stroke.
 */
export async function drawCharacter(
  page: Page,
  char: string,
  options: { script?: 'simplified' | 'traditional'; style?: 'clean' | 'distorted' } = {},
): Promise<void> {
  const pad = page.getByTestId('handwriting-pad')
  await pad.waitFor()
  const box = await pad.boundingBox()
  if (!box) throw new Error('the handwriting pad is not on screen')
  const sample = writeSample(char, options.script ?? 'simplified', options.style ?? 'clean')
  const before = Number((await pad.getAttribute('data-strokes')) ?? 0)
  const cdp = await page.context().newCDPSession(page)
  const to = (p: { x: number; y: number }) => ({
    x: box.x + (p.x * box.width) / 600,
    y: box.y + (p.y * box.height) / 600,
  })
  try {
    for (const stroke of sample.strokes) {
      const [first, ...rest] = stroke
      if (!first) continue
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [to(first)] })
      for (const p of rest) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [to(p)] })
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    }
  } finally {
    await cdp.detach()
  }
  const after = before + sample.strokes.length
  await page.waitForFunction(
    (n) =>
      Number(document.querySelector('[data-testid="handwriting-pad"]')?.getAttribute('data-strokes')) >= n,
    after,
  )
}

/**
 * Writes one character on the pad and taps it among the candidates; fails if it is not among the
 * first eight.
 */
export async function writeAndChoose(page: Page, char: string): Promise<void> {
  await drawCharacter(page, char)
  const candidate = page.locator('.bb-candidates').getByRole('button', { name: char, exact: true })
  await candidate.first().waitFor({ timeout: 10_000 })
  await candidate.first().click()
}
