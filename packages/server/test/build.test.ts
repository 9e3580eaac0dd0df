/**
 * The production build: `pnpm --filter @bangban/server build` bundles the service into dist/, and
 * `node dist/main.js` starts without TypeScript, migrates, serves /healthz with the release, and
 * stops on SIGTERM; the bundled operator command refuses without a database as the source one does.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './support/ownPostgres'

jest.setTimeout(180_000)

const serverDir = join(__dirname, '..')

describe('production build', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bangban-build-'))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: serverDir, stdio: 'pipe' })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('bundles the service and the operator commands', () => {
    for (const file of ['main.js', 'admin.js', 'audit-verify.js'])
      expect(existsSync(join(serverDir, 'dist', file))).toBe(true)
  })

  it('starts from dist/main.js with plain node, answers /healthz and /readyz, and stops cleanly', async () => {
    const port = await freePort()
    const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
      cwd: serverDir,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: `sqlite:${join(dir, 'built.db')}`,
        BANGBAN_SEED: 'demo',
        BANGBAN_RELEASE: 'build-test-1',
        BANGBAN_METRICS_PORT: '0',
        BANGBAN_DRAIN_SECONDS: '0',
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += String(d)))
    child.stderr.on('data', (d) => (output += String(d)))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      let health: unknown = null
      for (let i = 0; i < 300 && health === null; i++) {
        await new Promise((r) => setTimeout(r, 200))
        health = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => (r.ok ? r.json() : null),
          () => null,
        )
      }
      expect(health).toEqual({ status: 'ok', engine: 'sqlite', release: 'build-test-1' })
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200)
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/providers`)).status).toBe(200)
      expect(output).toContain('Migrations: ')
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })

  it('writes only JSON lines in production', async () => {
    const port = await freePort()
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: serverDir,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        BANGBAN_SMS_ALLOW_LOG_IN_PRODUCTION: '1',
        BANGBAN_PAYMENTS_ALLOW_SANDBOX_IN_PRODUCTION: '1',
        BANGBAN_WECHAT_ALLOW_STANDIN_IN_PRODUCTION: '1',
        DATABASE_URL: `sqlite:${join(dir, 'production.db')}`,
        BANGBAN_METRICS_PORT: '0',
        BANGBAN_DRAIN_SECONDS: '0',
        PORT: String(port),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += String(d)))
    child.stderr.on('data', (d) => (output += String(d)))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      let ready = false
      for (let i = 0; i < 300 && !ready; i++) {
        await new Promise((r) => setTimeout(r, 200))
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      }
      expect(ready).toBe(true)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    const lines = output.split('\n').filter((line) => line.trim() !== '')
    const notJson = lines.filter((line) => {
      try {
        JSON.parse(line)
        return false
      } catch {
        return true
      }
    })
    expect(notJson).toEqual([])
    const started = lines.map((line) => JSON.parse(line) as { msg?: string; summary?: string[] })
    expect(started.find((record) => record.msg === 'service started')?.summary).toEqual(
      expect.arrayContaining([expect.stringContaining('Migrations: ')]),
    )
  })

  it('the bundled admin command refuses without a database named', () => {
    let status = 0
    let stderr = ''
    try {
      execFileSync(process.execPath, [join(serverDir, 'dist/admin.js'), 'staff:list'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '' },
        stdio: 'pipe',
      })
    } catch (error) {
      status = (error as { status: number }).status
      stderr = String((error as { stderr: Buffer }).stderr)
    }
    expect(status).not.toBe(0)
    expect(stderr).toContain('DATABASE_URL')
    expect(existsSync(join(dir, 'data'))).toBe(false)
  })
})
