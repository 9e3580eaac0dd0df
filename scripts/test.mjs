#!/usr/bin/env node
// `pnpm test` / `npm test`: every check, in order, stopping at the first failure.
// A PostgreSQL reachable on 127.0.0.1:5432 (or TEST_DATABASE_URL) adds the PostgreSQL runs of the
// storage tests; .ci/run makes sure one is there.
import { spawnSync } from 'node:child_process'

const root = new URL('..', import.meta.url).pathname
const env = { ...process.env }

function step(title, command, args) {
  console.log(`\n▶ ${title}`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env })
  if (result.status !== 0) {
    console.error(`✖ ${title} failed`)
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

if (!env.TEST_DATABASE_URL) {
  const probe = spawnSync('node', ['scripts/pg-test-db.mjs'], { cwd: root, encoding: 'utf8', env })
  if (probe.status === 0 && probe.stdout.trim()) {
    env.TEST_DATABASE_URL = probe.stdout.trim()
    console.log(`PostgreSQL found: storage tests also run on ${env.TEST_DATABASE_URL}`)
  } else {
    console.log(
      'No PostgreSQL on 127.0.0.1:5432: storage tests run on SQLite only (.ci/run provides PostgreSQL).',
    )
  }
}

step('test tools from Debian (Chromium, CJK fonts, espeak-ng, sox)', 'bash', ['scripts/ensure-test-tools.sh'])
step('offline voice clips (espeak-ng, incremental)', 'pnpm', ['voice:clips'])
step('handwriting and pinyin data (from the npm packages)', 'pnpm', ['handwriting:data'])
step('typecheck', 'pnpm', ['typecheck'])
step('lint', 'pnpm', ['lint'])
step('unit, property and service tests (jest)', 'pnpm', ['exec', 'jest', '--ci'])
step('kiosk shell: Electron main and preload bundle', 'pnpm', [
  '--filter',
  '@bangban/kiosk',
  'build:electron',
])
step('kiosk shell: electronegativity scan (nothing above LOW)', 'pnpm', [
  '--filter',
  '@bangban/kiosk',
  'electronegativity',
])
step('mini-program build (weapp)', 'pnpm', ['--filter', '@bangban/miniprogram', 'build'])
step('mini-program checks: pages, declarations, no kiosk code, package sizes, simulator', 'pnpm', [
  'exec',
  'jest',
  '--ci',
  '-c',
  'packages/miniprogram/jest.weapp.config.cjs',
])
step('kiosk build (H5)', 'pnpm', ['--filter', '@bangban/kiosk', 'build'])
step('kiosk screens in Chromium against the real service (Playwright + axe-core)', 'pnpm', [
  'exec',
  'jest',
  '--ci',
  '-c',
  'jest.e2e.config.js',
])
