/**
 * The kiosk's TextInputEngine: one Web Worker (worker.ts), started the first time the pad or a
 * keyboard asks for it. The data is served beside the app at ./handwriting/ (copied by the build
 * from assets/handwriting/, made by `pnpm handwriting:data`).
 */
import type { TextInputEngine } from '@bangban/shared/platform/textInput'
import type { Envelope, Reply, WorkerAnswers, WorkerRequest } from './protocol'

const DATA_BASE = './handwriting/'

export interface TextInputDiagnostics {
  /** Time inside the worker of each recognition, ms (the benchmark reads it). */
  readonly recognitions: number[]
  /** Time to load and prepare the handwriting data, ms. */
  prepared?: number
}

declare global {
  interface Window {
    bangbanTextInput?: TextInputDiagnostics
  }
}

export function workerTextInput(): TextInputEngine {
  let worker: Worker | null = null
  let next = 1
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  // The worker fetches by absolute address: its own location is the script's folder, not the page's.
  const base = () => new URL(DATA_BASE, document.baseURI).href
  const diagnostics: TextInputDiagnostics = { recognitions: [] }
  window.bangbanTextInput = diagnostics

  const start = (): Worker => {
    if (worker) return worker
    worker = new Worker(new URL('./worker.ts', import.meta.url))
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data
      const waiting = pending.get(reply.id)
      if (!waiting) return
      pending.delete(reply.id)
      if (reply.ok) waiting.resolve(reply.result)
      else waiting.reject(new Error(reply.error))
    }
    worker.onerror = (event) => {
      // A worker that failed to start answers nothing: fail every call waiting on it, start anew next time.
      for (const waiting of pending.values()) waiting.reject(new Error(`text input worker: ${event.message}`))
      pending.clear()
      worker?.terminate()
      worker = null
    }
    return worker
  }

  function call<K extends WorkerRequest['op']>(
    request: Extract<WorkerRequest, { op: K }>,
  ): Promise<WorkerAnswers[K]> {
    const id = next
    next += 1
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      start().postMessage({ ...request, id } as Envelope)
    })
  }

  return {
    async prepareHandwriting(script) {
      const { ms } = await call({ op: 'prepareHandwriting', base: base(), script })
      diagnostics.prepared = ms
    },
    async recognize(script, strokes, n) {
      const { chars, ms } = await call({ op: 'recognize', script, strokes, n })
      diagnostics.recognitions.push(ms)
      return chars
    },
    async follow(script, char, n) {
      return (await call({ op: 'follow', script, char, n })).chars
    },
    async preparePinyin(script) {
      await call({ op: 'preparePinyin', base: base(), script })
    },
    pinyin: (script, letters, n) => call({ op: 'pinyin', script, letters, n }),
  }
}
