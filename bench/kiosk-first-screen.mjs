#!/usr/bin/env node
// Kiosk H5: JavaScript the first screen loads (gzipped), and the time from a tap on 预约挂号 to the
// next screen's heading with the CPU throttled 4× (Chrome DevTools Protocol), against the real
// service with demo data. Prints figures; asserts nothing. Needs `pnpm --filter @bangban/kiosk build`.
/* global window, document, MutationObserver, requestAnimationFrame -- used inside page.evaluate */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'

const root = new URL('..', import.meta.url).pathname
const dist = process.env.BANGBAN_KIOSK_DIR ?? join(root, 'packages/kiosk/dist/h5')
if (!existsSync(join(dist, 'index.html'))) {
  console.error('no kiosk build: run pnpm --filter @bangban/kiosk build first')
  process.exit(1)
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const port = 20000 + Math.floor(Math.random() * 20000)
const dir = mkdtempSync(join(tmpdir(), 'bangban-bench-kiosk-'))
const server = spawn(join(root, 'node_modules/.bin/tsx'), ['src/main.ts'], {
  cwd: join(root, 'packages/server'),
  env: {
    ...process.env,
    PORT: String(port),
    BANGBAN_SEED: 'demo',
    DATABASE_URL: `sqlite:${join(dir, 'b.db')}`,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const base = `http://127.0.0.1:${port}`
for (let i = 0; i < 100; i++) {
  if (
    await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break
  await new Promise((r) => setTimeout(r, 200))
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
try {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } })
  // Only what the first screen needs: the other screens' code is fetched later, once it is idle.
  const scripts = new Set()
  let firstScreenShown = false
  page.on('response', (response) => {
    if (!firstScreenShown && response.request().resourceType() === 'script')
      scripts.add(new URL(response.url()).pathname)
  })
  await page.goto(`${base}/kiosk/`)
  await page.getByRole('heading', { level: 1 }).waitFor()
  firstScreenShown = true
  let gzipped = 0
  for (const path of scripts)
    gzipped += gzipSync(readFileSync(join(dist, path.replace(/^\/kiosk\//, '')))).length

  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  const times = []
  const driven = []
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${base}/kiosk/`)
    await page.getByRole('button', { name: /预约挂号/ }).waitFor()
    // A resident looks at the welcome screen a few seconds before tapping; the kiosk uses that time
    // to load the other screens' code.
    await page.waitForTimeout(3000)
    await page.waitForLoadState('networkidle')
    // Timed inside the page, from the touch to the frame after the next screen's heading is in
    // place: Playwright's own click and role queries also run on the throttled CPU and would
    // otherwise be counted as the kiosk's time (they are shown separately below).
    await page.evaluate((title) => {
      const w = /** @type {any} */ (window)
      w.benchTap = null
      w.benchShown = null
      window.addEventListener('pointerdown', () => (w.benchTap = performance.now()), {
        capture: true,
        once: true,
      })
      const observer = new MutationObserver(() => {
        const heading = [...document.querySelectorAll('[role=heading][aria-level="1"]')].find(
          (el) => el.textContent === title && /** @type {HTMLElement} */ (el).offsetParent !== null,
        )
        if (!heading || w.benchTap === null) return
        observer.disconnect()
        // After the frame that shows it: a task queued from requestAnimationFrame runs after paint.
        requestAnimationFrame(() => setTimeout(() => (w.benchShown = performance.now())))
      })
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      })
    }, '选择科室或服务')
    const started = Date.now()
    await page.getByRole('button', { name: /预约挂号/ }).click()
    await page.getByRole('heading', { name: '选择科室或服务' }).waitFor()
    driven.push(Date.now() - started)
    await page.waitForFunction(() => /** @type {any} */ (window).benchShown !== null)
    times.push(
      Math.round(
        await page.evaluate(
          () => /** @type {any} */ (window).benchShown - /** @type {any} */ (window).benchTap,
        ),
      ),
    )
  }
  times.sort((a, b) => a - b)
  driven.sort((a, b) => a - b)
  console.log(`\nKiosk first screen (${new Date().toISOString()})`)
  console.log('| measure | value | target |\n| --- | ---: | ---: |')
  console.log(
    `| first-screen JavaScript, gzipped (${scripts.size} files) | ${(gzipped / 1024).toFixed(1)} KB | < 250 KB |`,
  )
  console.log(
    `| tap 预约挂号 → next screen painted, CPU 4× slower, median of ${RUNS} | ${times[Math.floor(times.length / 2)]} ms | < 100 ms |`,
  )
  console.log(`| same, slowest | ${times[times.length - 1]} ms | |`)
  console.log(
    `| same, including Playwright's click and heading query, median | ${driven[Math.floor(driven.length / 2)]} ms | |`,
  )
} finally {
  await browser.close()
  server.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
}
