/**
 * The real service process (src/main.ts through tsx, as `pnpm start` runs it) for fault tests: started on
 * a free port with the demo data, watched for exits, killed however the test likes; and a bounded
 * traffic generator that counts what the callers saw (answers by status, connections refused).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { freePort } from './ownPostgres'
import { idNumberFor, KIOSK_KEY, STAFF_PASSWORD } from './service'

const serverDir = join(__dirname, '../..')

export interface ServiceProcess {
  readonly port: number
  readonly base: string
  readonly child: ChildProcess
  /** The exit code or signal once it exited, else null. */
  exit(): string | null
  output(): string
  waitReady(timeoutMs?: number): Promise<void>
  stop(signal?: NodeJS.Signals): Promise<void>
}

export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort()
  // Node itself with tsx's loader (not the tsx wrapper, which runs Node as a child of its own): a
  // signal sent here, SIGKILL included, reaches the service and nothing is left running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      BANGBAN_SEED: 'demo',
      BANGBAN_KIOSK_KEY: KIOSK_KEY,
      BANGBAN_DEMO_STAFF_PASSWORD: STAFF_PASSWORD,
      // No metrics listener unless a test asks for one (several processes run at once).
      BANGBAN_METRICS_PORT: '0',
      BANGBAN_DRAIN_SECONDS: '0',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += String(d)))
  child.stderr!.on('data', (d) => (output += String(d)))
  let exit: string | null = null
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exit = signal ?? String(code)
      resolve()
    }),
  )
  const base = `http://127.0.0.1:${port}`
  return {
    port,
    base,
    child,
    exit: () => exit,
    output: () => output,
    waitReady: async (timeoutMs = 60_000) => {
      const until = Date.now() + timeoutMs
      while (Date.now() < until) {
        if (exit !== null) throw new Error(`the service exited (${exit}):\n${output}`)
        const ready = await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
        if (ready) return
        await new Promise((r) => setTimeout(r, 200))
      }
      throw new Error(`the service was not ready within ${timeoutMs} ms:\n${output}`)
    },
    stop: async (signal = 'SIGTERM') => {
      if (exit === null) child.kill(signal)
      await exited
    },
  }
}

/** What the callers saw: answers by status, connections refused or reset, 503s without Retry-After. */
export interface Tally {
  readonly byStatus: Record<string, number>
  refused: number
  unavailableWithoutRetryAfter: number
  readonly other5xx: string[]
}

export function newTally(): Tally {
  return { byStatus: {}, refused: 0, unavailableWithoutRetryAfter: 0, other5xx: [] }
}

export function count(tally: Tally, key: string): number {
  return tally.byStatus[key] ?? 0
}

/** Sends one request and counts its outcome; the parsed body when it succeeded. */
export async function call(
  tally: Tally,
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown } | null> {
  let response: Response
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) })
  } catch {
    tally.refused++
    return null
  }
  const text = await response.text().catch(() => '')
  const status = response.status
  tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1
  if (status === 503 && !response.headers.get('retry-after')) tally.unavailableWithoutRetryAfter++
  if (status >= 500 && status !== 503) tally.other5xx.push(`${status} ${url} ${text.slice(0, 200)}`)
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = text
  }
  return { status, body }
}

/**
 * A resident at a kiosk, over and over until `until()`: sign in with the card (a write and an
 * audit entry), read their record, read the catalogue. Each worker uses its own client address
 * (X-Forwarded-For from loopback is trusted), so the per-address sign-in limit does not refuse it.
 */
export async function residentTraffic(
  base: string,
  tally: Tally,
  workers: number,
  until: () => boolean,
): Promise<void> {
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      let n = 0
      while (!until()) {
        const forwarded = { 'x-forwarded-for': `10.9.${w}.${n % 250}` }
        const signIn = await call(tally, `${base}/api/v1/sessions/id-card`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-kiosk-key': KIOSK_KEY, ...forwarded },
          body: JSON.stringify({ name: `居民${w}`, idNumber: idNumberFor(500 + w) }),
        })
        const token = (signIn?.body as { token?: string } | null)?.token
        if (token) await call(tally, `${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
        await call(tally, `${base}/api/v1/providers`)
        n++
        if (!signIn || signIn.status >= 500) await new Promise((r) => setTimeout(r, 100))
      }
    }),
  )
}

export function describeTally(title: string, tally: Tally): string {
  const statuses = Object.entries(tally.byStatus)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ')
  return `${title}: ${statuses || 'no answers'}; connections refused ${tally.refused}; other 5xx ${tally.other5xx.length}`
}
