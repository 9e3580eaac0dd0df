/**
 * The kiosk page as it runs inside the Electron shell: the preload's real bridge code over a
 * fake IPC (test/support/fakeShell.ts) stands in for the main process. ID card sign-in, QR scans,
 * and what is left after a visit ends (jobs.e2e.test.ts checks storage and cookies after the idle
 * wipe; this adds IndexedDB, the shell's own wipe and the full number).
 */
import { resolve } from 'node:path'
import { buildSync } from 'esbuild'
import type { BrowserContext, Page } from 'playwright-core'
import type { KioskInfo } from '@bangban/shared/platform/KioskBridge'
import { KIOSK_KEY, newKioskPage, startHarness, type Harness } from './harness'
import type {} from '../src/platform/shellBridge'

const RESIDENT = { name: '王小明', idNumber: '11010519491231002X', validUntil: null }

declare global {
  interface Window {
    bangbanFakeShell?: {
      calls: Array<{ channel: string; args: unknown[] }>
      emit(channel: string, value: unknown): void
    }
    scanned?: string[]
  }
}

function fakeShellScript(): string {
  const info: KioskInfo = {
    kioskName: 'e2e',
    serviceUrl: 'http://127.0.0.1',
    kioskKey: KIOSK_KEY,
    orientation: 'portrait',
    idle: { warnAfterMs: 60_000, endAfterMs: 90_000 },
    voiceCommands: false,
    shellVersion: '0.0.0',
  }
  const result = buildSync({
    entryPoints: [resolve(__dirname, '../test/support/fakeShell.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    alias: {
      '@bangban/shared': resolve(__dirname, '../../shared/src'),
      '@bangban/core': resolve(__dirname, '../../core/src'),
    },
    define: { FAKE_SHELL_INFO: JSON.stringify(info) },
  })
  return result.outputFiles[0]!.text
}

describe('the kiosk page inside the shell', () => {
  let harness: Harness
  let script: string
  beforeAll(async () => {
    script = fakeShellScript()
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  async function shellPage(
    options: { clock?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await harness.browser.newContext({
      viewport: { width: 1080, height: 1920 },
      locale: 'zh-CN',
    })
    if (options.clock) await context.clock.install()
    await context.addInitScript({ content: script })
    const page = await context.newPage()
    await page.goto(`${harness.baseUrl}/kiosk/`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    return { context, page }
  }

  async function signInWithShellCard(page: Page): Promise<void> {
    await page.getByRole('button', { name: /我的记录/ }).click()
    await page.getByRole('heading', { name: '请先确认身份' }).waitFor()
    await page.evaluate((card) => window.bangbanFakeShell!.emit('bangban:id-card', card), RESIDENT)
    await page.getByRole('heading', { name: '我的记录' }).waitFor()
  }

  it('signs in with a card the shell read, sending the kiosk key from the kiosk configuration', async () => {
    const { context, page } = await shellPage()
    const signIn = page.waitForRequest(
      (request) => request.url().includes('/api/') && request.method() === 'POST',
    )
    await signInWithShellCard(page)
    const request = await signIn
    expect(request.headers()['x-kiosk-key']).toBe(KIOSK_KEY)
    // only the name and number go to the sign-in, not the validity
    expect(request.postDataJSON()).toEqual({ name: RESIDENT.name, idNumber: RESIDENT.idNumber })
    const calls = await page.evaluate(() => window.bangbanFakeShell!.calls.map((c) => c.channel))
    expect(calls).toContain('bangban:info')
    await context.close()
  })

  it("delivers a code the shell's scanner read to the page's scanner listeners", async () => {
    const { context, page } = await shellPage()
    await page.evaluate(() => {
      window.scanned = []
      window.bangbanDevices!.onQrScan((text) => window.scanned!.push(text))
      window.bangbanFakeShell!.emit('bangban:qr-scan', 'BB:T:A012')
      window.bangbanFakeShell!.emit('bangban:qr-scan', 42)
    })
    expect(await page.evaluate(() => window.scanned)).toEqual(['BB:T:A012'])
    await context.close()
  })

  it("delivers a code from the browser's scanner simulator the same way", async () => {
    const page = await newKioskPage(harness)
    await page.evaluate(() => {
      window.scanned = []
      window.bangbanDevices!.onQrScan((text) => window.scanned!.push(text))
      window.bangbanSimulator!.scanQr('https://bangban.example/t/A012')
    })
    expect(await page.evaluate(() => window.scanned)).toEqual(['https://bangban.example/t/A012'])
    await page.context().close()
  })

  it('at the end of a visit asks the shell to clear its session, and leaves no storage, IndexedDB, cookie, name or number', async () => {
    const { context, page } = await shellPage({ clock: true })
    await signInWithShellCard(page)
    // Signed in: greeted by surname and title (王女士, from the ID number).
    await expect(page.content()).resolves.toContain('王女士')
    await page.evaluate(async () => {
      localStorage.setItem('probe', '王小明')
      sessionStorage.setItem('probe', '11010519491231002X')
      document.cookie = 'probe=1; path=/'
      await new Promise<void>((done, fail) => {
        const open = indexedDB.open('visit-probe', 1)
        open.onupgradeneeded = () => open.result.createObjectStore('kept')
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('kept', 'readwrite')
          tx.objectStore('kept').put('11010519491231002X', 'id')
          tx.oncomplete = () => {
            open.result.close()
            done()
          }
        }
      })
    })
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toContain(
      'visit-probe',
    )

    await page.clock.fastForward(91_000)
    await page.getByRole('heading', { name: '请选择要办的事' }).waitFor()
    await page.waitForFunction(async () => (await indexedDB.databases()).length === 0)
    const left = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      databases: (await indexedDB.databases()).map((d) => d.name),
      wipes: window.bangbanFakeShell!.calls.filter((c) => c.channel === 'bangban:wipe').length,
    }))
    expect(left).toEqual({ local: 0, session: 0, cookie: '', databases: [], wipes: 1 })
    const html = await page.content()
    for (const trace of ['王小明', '王*明', '王女士', '11010519491231002X', '110***', '002X'])
      expect(html).not.toContain(trace)
    await context.close()
  })
})
