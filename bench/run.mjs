#!/usr/bin/env node
// `pnpm bench`: every benchmark, one after the other. Each prints its own figures (Markdown tables);
// this runner shows them as they come and writes them, with the machine and the date, to
// bench/RESULTS.md. Figures are for reading, not for asserting: a slow machine still writes its table.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'

const root = new URL('..', import.meta.url).pathname
const benches = [
  ['Service: booking under contention vs a bare route', 'packages/server', ['tsx', 'bench/booking.ts']],
  [
    'Kiosk: first-screen JavaScript and tap-to-render with 4× CPU throttling',
    '.',
    ['node', 'bench/kiosk-first-screen.mjs'],
  ],
  ['Kiosk voice: screen appears → prompt starts (clips)', '.', ['tsx', 'bench/voice-start.ts']],
  [
    'Handwriting: accuracy of the offline recogniser on 1,000 characters written as people write',
    '.',
    ['tsx', 'bench/handwriting/run.ts'],
  ],
  [
    'Handwriting: time in Chromium, unthrottled and with 4× CPU throttling',
    '.',
    ['tsx', 'bench/handwriting/browser.ts'],
  ],
  [
    'Mini-program: package sizes (of the last weapp build)',
    'packages/miniprogram',
    ['tsx', 'scripts/check-weapp.ts'],
    'packages/miniprogram/dist/app.json',
  ],
]

function run(cwd, command, args) {
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['exec', command, ...args], { cwd: `${root}${cwd}` })
    let out = ''
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      out += chunk
    })
    child.stderr.on('data', (chunk) => process.stderr.write(chunk))
    child.on('close', (code) => resolve({ code, out }))
  })
}

/** Where the figures came from: they mean little without the machine. */
function machine() {
  const cpus = os.cpus()
  return [
    `- Date: ${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} (Asia/Shanghai)`,
    `- CPU: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `- OS: ${os.type()} ${os.release()}; Node.js ${process.version}`,
  ].join('\n')
}

/** Blank lines around each table, so printed sentences next to it stay sentences in Markdown. */
function asMarkdown(text) {
  const lines = text.trim().split('\n')
  return lines
    .flatMap((line, i) => {
      const table = line.startsWith('|')
      const before = i > 0 && lines[i - 1].startsWith('|') !== table && lines[i - 1].trim() !== ''
      return before ? ['', line] : [line]
    })
    .join('\n')
}

const sections = []
let failed = false
const header = machine()
for (const [title, cwd, [command, ...args], needs] of benches) {
  if (needs && !existsSync(`${root}${needs}`)) continue
  console.log(`\n▶ ${title}`)
  const { code, out } = await run(cwd, command, args)
  const figures = asMarkdown(out) || '(printed nothing)'
  sections.push(`## ${title}\n\n${figures}${code === 0 ? '' : `\n\n**Exited with ${code}.**`}`)
  if (code !== 0) failed = true
}

// The touch-only browser suite records its tap counts at the end of the file: kept as they are.
const TOUCH_MARK = '<!-- touch-taps'
const previous = existsSync(`${root}bench/RESULTS.md`) ? readFileSync(`${root}bench/RESULTS.md`, 'utf8') : ''
const touch = previous.includes(TOUCH_MARK) ? `\n${previous.slice(previous.indexOf(TOUCH_MARK))}` : ''
writeFileSync(
  `${root}bench/RESULTS.md`,
  `# Benchmark results\n\nWritten by \`pnpm bench\`; run it again to refresh.\n\n${header}\n\n${sections.join('\n\n')}\n${touch}`,
)
console.log('\nwritten: bench/RESULTS.md')
if (failed) process.exitCode = 1
