#!/usr/bin/env node
// First command of the README on a fresh machine: get the pinned pnpm, install the workspace,
// then start the system with demo data. Uses only Node and npm, which are all a fresh machine has.
import { execSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const root = new URL('..', import.meta.url).pathname
const wanted = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).packageManager.split('@')[1]

function pnpmVersion() {
  try {
    return execSync('pnpm --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return null
  }
}

if (pnpmVersion() !== wanted) {
  console.log(`Installing pnpm ${wanted} …`)
  execSync(`npm install --global pnpm@${wanted}`, { stdio: 'inherit' })
}

const run = (args) => {
  const result = spawnSync('pnpm', args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
run(['install', '--frozen-lockfile'])
run(['start'])
