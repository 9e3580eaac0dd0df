/** Starting and stopping the real process: clear refusal on bad configuration, clean stop on SIGTERM. */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from '../src/config'

const serverDir = join(__dirname, '..')
const tsx = join(serverDir, '../../node_modules/.bin/tsx')

function run(env: Record<string, string>) {
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'warn', BANGBAN_METRICS_PORT: '0', BANGBAN_DRAIN_SECONDS: '0', ...env },
  })
  let output = ''
  child.stdout.on('data', (d) => (output += String(d)))
  child.stderr.on('data', (d) => (output += String(d)))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

describe('configuration', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite:./data/bangban.db',
      BANGBAN_SEED: '',
    })
  })

  it('names every wrong setting in one readable message', () => {
    let error: unknown
    try {
      loadConfig({
        PORT: 'eighty',
        BANGBAN_SEED: 'lots',
        BANGBAN_KIOSK_KEY: 'short',
        DATABASE_URL: 'mysql://x',
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as Error).message
    for (const name of ['PORT', 'BANGBAN_SEED', 'BANGBAN_KIOSK_KEY', 'DATABASE_URL'])
      expect(message).toContain(name)
  })
})

describe('the service process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bangban-start-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses to start with a wrong configuration, saying why', async () => {
    const proc = run({ PORT: '99999' })
    expect(await proc.exited).toBe(1)
    expect(proc.output()).toContain('PORT')
  })

  it('starts with demo data, answers /healthz, and stops cleanly on SIGTERM', async () => {
    const port = String(20000 + Math.floor(Math.random() * 20000))
    const proc = run({ PORT: port, BANGBAN_SEED: 'demo', DATABASE_URL: `sqlite:${join(dir, 'x.db')}` })
    let healthy = false
    for (let i = 0; i < 100 && !healthy; i++) {
      await new Promise((r) => setTimeout(r, 200))
      healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    }
    expect(healthy).toBe(true)
    expect(proc.output()).toMatch(/Demo kiosk key/)
    proc.child.kill('SIGTERM')
    expect(await proc.exited).toBe(0)
  })
})
