/**
 * Handwriting in the kiosk's browser: the recogniser bundled as the kiosk would load it, run in
 * Chromium (Debian's /usr/bin/chromium through playwright-core) with the CPU throttled 4× over the
 * Chrome DevTools Protocol (Emulation.setCPUThrottlingRate), timed inside the page. Measures the
 * first opening of the pad (decoding the data and preparing the candidates), a whole character, and
 * candidates after every stroke of it (the issue's limit: 150 ms from a stroke's end). Prints figures;
 * asserts nothing.
 */
import { build } from 'esbuild'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { buildStrokes } from '../../packages/handwriting/scripts/build-data'
import { testCharacters, writeSample } from '../../packages/handwriting/testset'
import { percentile } from '../../packages/handwriting/testset/evaluate'
import type * as HandwritingApi from '../../packages/handwriting/src/index'

const COUNT = Number(process.env.HANDWRITING_BROWSER_CHARS ?? 150)
const root = join(__dirname, '../..')

async function main(): Promise<void> {
  const bundle = await build({
    entryPoints: [join(root, 'packages/handwriting/src/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Handwriting',
    target: 'chrome110',
    minify: true,
    write: false,
  })
  const code = bundle.outputFiles[0]!.text
  const data = Buffer.from(buildStrokes()).toString('base64')
  const chars = testCharacters(1000).simplified
  // Every sixth character of the test set, distorted: a spread of stroke counts.
  const samples = chars
    .filter((_, i) => i % Math.max(1, Math.floor(chars.length / COUNT)) === 0)
    .slice(0, COUNT)
  const strokes = samples.map((c) => writeSample(c, 'simplified', 'distorted').strokes)

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  try {
    const page = await browser.newPage()
    await page.goto('about:blank')
    await page.addScriptTag({ content: code })
    const cdp = await page.context().newCDPSession(page)
    const measure = async (rate: number) => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate })
      return page.evaluate(
        ({ data, strokes }) => {
          const api = (globalThis as unknown as { Handwriting: typeof HandwritingApi }).Handwriting
          const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
          let started = performance.now()
          const recognizer = api.createRecognizer(bytes, { script: 'simplified' })
          const load = performance.now() - started
          const whole: number[] = []
          const eachStroke: number[] = []
          for (const sample of strokes) {
            for (let k = 1; k <= sample.length; k += 1) {
              started = performance.now()
              recognizer.candidates(sample.slice(0, k), 10)
              const ms = performance.now() - started
              eachStroke.push(ms)
              if (k === sample.length) whole.push(ms)
            }
          }
          return { load, whole, eachStroke }
        },
        { data, strokes },
      )
    }
    console.log(
      `Handwriting in Chromium (${new Date().toISOString()}): ${samples.length} distorted characters`,
    )
    console.log(
      '| CPU | pad opens: data decoded and prepared | whole character p50 / p95 | after each stroke p50 / p95 / max | goal |',
    )
    console.log('| --- | ---: | ---: | ---: | ---: |')
    for (const rate of [1, 4]) {
      const r = await measure(rate)
      const sort = (v: number[]) => [...v].sort((a, b) => a - b)
      const whole = sort(r.whole)
      const each = sort(r.eachStroke)
      console.log(
        `| ${rate === 1 ? 'unthrottled' : `${rate}× slower`} | ${r.load.toFixed(0)} ms | ${percentile(whole, 0.5).toFixed(0)} / ${percentile(whole, 0.95).toFixed(0)} ms | ${percentile(each, 0.5).toFixed(0)} / ${percentile(each, 0.95).toFixed(0)} / ${each[each.length - 1]!.toFixed(0)} ms | ${rate === 4 ? 'p95 < 150 ms' : ''} |`,
      )
    }
    console.log(`Bundle: ${(code.length / 1024).toFixed(1)} KB minified.`)
  } finally {
    await browser.close()
  }
}

void main()
