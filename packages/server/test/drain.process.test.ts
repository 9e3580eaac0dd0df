/**
 * Graceful drain of the real process: on SIGTERM /readyz says 503 (reason draining) for
 * BANGBAN_DRAIN_SECONDS while requests are still answered, then the server closes and exits 0.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServiceProcess, type ServiceProcess } from './support/serviceProcess'

jest.setTimeout(180_000)

describe('drain on SIGTERM (started process)', () => {
  let dir: string
  let proc: ServiceProcess | null = null
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bangban-drain-'))
  })
  afterAll(async () => {
    if (proc) await proc.stop('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  it('turns /readyz to 503 for the drain time, keeps answering, then stops cleanly', async () => {
    proc = await startServiceProcess({
      DATABASE_URL: `sqlite:${join(dir, 'drain.db')}`,
      BANGBAN_DRAIN_SECONDS: '3',
    })
    await proc.waitReady(150_000)
    const exited = new Promise<number | null>((resolve) => proc!.child.on('exit', (code) => resolve(code)))
    const signalled = Date.now()
    proc.child.kill('SIGTERM')
    let sawDraining = false
    let answeredWhileDraining = false
    while (Date.now() - signalled < 2000) {
      const ready = await fetch(`${proc.base}/readyz`).catch(() => null)
      if (ready?.status === 503 && ((await ready.json()) as { reason?: string }).reason === 'draining') {
        sawDraining = true
        const providers = await fetch(`${proc.base}/api/v1/providers`).catch(() => null)
        if (providers?.status === 200) answeredWhileDraining = true
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(sawDraining).toBe(true)
    expect(answeredWhileDraining).toBe(true)
    expect(proc.exit()).toBeNull() // still up within the drain time
    expect(await exited).toBe(0)
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(2900)
  })
})
