#!/usr/bin/env node
// `pnpm bench`: every benchmark, one after the other; each prints its own figures.
import { spawnSync } from 'node:child_process'

const root = new URL('..', import.meta.url).pathname
const benches = [
  ['service: booking vs bare route', 'packages/server', ['tsx', 'bench/booking.ts']],
  [
    'kiosk: first-screen JavaScript and tap-to-render with 4× CPU throttling',
    '.',
    ['node', 'bench/kiosk-first-screen.mjs'],
  ],
  ['kiosk voice: screen appears → prompt starts (clips)', '.', ['tsx', 'bench/voice-start.ts']],
]

for (const [title, cwd, [command, ...args]] of benches) {
  console.log(`\n▶ ${title}`)
  const result = spawnSync('pnpm', ['exec', command, ...args], { cwd: `${root}${cwd}`, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
