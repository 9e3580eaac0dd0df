#!/usr/bin/env node
// `pnpm start`: build what the kiosk needs (when it exists) and run the service with demo data.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const root = new URL('..', import.meta.url).pathname
const env = { ...process.env, BANGBAN_SEED: process.env.BANGBAN_SEED ?? 'demo' }

// The kiosk speaks offline from clips made with espeak-ng: install it where we may (root + apt-get),
// else say exactly what to install; the kiosk then falls back to the system voice, if it has one.
const tools = spawnSync('bash', [`${root}scripts/ensure-voice-tools.sh`], { stdio: 'inherit', env })
if (tools.status === 0) {
  const clips = spawnSync('pnpm', ['voice:clips'], { cwd: root, stdio: 'inherit', env })
  if (clips.status !== 0) console.warn('The voice clips were not made: the kiosk will use the system voice.')
}

if (existsSync(`${root}packages/kiosk/package.json`) && !process.env.BANGBAN_SKIP_KIOSK_BUILD) {
  // The 手写 pad's recogniser and the 拼音 keyboard's dictionary, from the npm packages (a few
  // seconds); the kiosk build copies them beside the app. Without them the pad cannot recognise.
  const data = spawnSync('pnpm', ['handwriting:data'], { cwd: root, stdio: 'inherit', env })
  if (data.status !== 0) process.exit(data.status ?? 1)
  const build = spawnSync('pnpm', ['--filter', '@bangban/kiosk', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env,
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const server = spawn('pnpm', ['--filter', '@bangban/server', 'start'], { cwd: root, stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
