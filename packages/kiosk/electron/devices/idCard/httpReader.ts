/**
 * Second-generation ID card reader through a local reader service (the vendor's, or our helper
 * around its DLL; see READER-SERVICE.md). Polls it, reports each card placed once, and keeps
 * nothing of the card: it is handed to the page for the sign-in request and then forgotten.
 */
import type { DeviceLog, IdCardReader } from '../types'
import { parseReaderAnswer } from './readerResponse'

export interface HttpReaderOptions {
  readonly url: string
  readonly pollIntervalMs: number
  /** Per request; a reader service that hangs must not stall the kiosk. */
  readonly timeoutMs?: number
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

export function httpIdCardReader(
  options: HttpReaderOptions,
  log: DeviceLog,
  fetchImpl: typeof fetch = fetch,
  timers: Timers = realTimers,
): IdCardReader {
  let handle: unknown = null
  let running = false
  // What tells one placement of a card from the next: the service's read id, else "a card is on it".
  let lastReadId: string | null = null
  let cardPresent = false
  let lastError: string | null = null

  async function pollOnce(onCard: Parameters<IdCardReader['start']>[0]): Promise<void> {
    let json: unknown
    try {
      const response = await fetchImpl(options.url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
      })
      json = await response.json()
    } catch {
      json = { result: 'error', code: 'UNREACHABLE' }
    }
    const answer = parseReaderAnswer(json)
    if (answer.kind === 'error') {
      if (answer.code !== lastError) log('id-card-reader-error', { code: answer.code })
      lastError = answer.code
      return
    }
    lastError = null
    if (answer.kind === 'no-card') {
      cardPresent = false
      return
    }
    const isNew = answer.readId !== null ? answer.readId !== lastReadId : !cardPresent
    lastReadId = answer.readId
    cardPresent = true
    if (isNew && running) onCard(answer.card)
  }

  return {
    start(onCard) {
      if (running) return
      running = true
      const loop = async () => {
        await pollOnce(onCard)
        if (running) handle = timers.setTimeout(() => void loop(), options.pollIntervalMs)
      }
      void loop()
    },
    stop() {
      running = false
      if (handle !== null) timers.clearTimeout(handle)
      handle = null
    },
  }
}
