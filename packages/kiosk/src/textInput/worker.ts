/**
 * The kiosk's text input worker: handwriting recognition, 联想 and pinyin candidates off the page's
 * thread, so a stroke is drawn the moment it is written whatever the recogniser is doing. Data is
 * fetched when first asked for (the pad or the 拼音 keyboard opening) and kept for the visit.
 */
import {
  loadHandwriting,
  loadPinyin,
  type Associations,
  type PinyinIndex,
  type Recognizer,
} from '@bangban/handwriting'
import type { InputScript, PadStroke } from '@bangban/shared/platform/textInput'
import type { Envelope, Reply, WorkerAnswers, WorkerRequest } from './protocol'

interface Scope {
  onmessage: ((event: { data: Envelope }) => void) | null
  postMessage(message: Reply): void
}
const scope = self as unknown as Scope

const handwriting = new Map<InputScript, Promise<{ recognizer: Recognizer; associations: Associations }>>()
const pinyin = new Map<InputScript, Promise<PinyinIndex>>()

/** Strokes of a few shapes, 1 to 6 of them: recognising them once fills the recogniser's caches. */
function warmUp(recognizer: Recognizer): void {
  const line = (x0: number, y0: number, x1: number, y1: number) =>
    Array.from({ length: 6 }, (_, i) => ({ x: x0 + ((x1 - x0) * i) / 5, y: y0 + ((y1 - y0) * i) / 5 }))
  const shapes = [
    line(100, 300, 500, 300),
    line(300, 100, 300, 500),
    line(150, 150, 450, 450),
    line(450, 150, 150, 450),
    line(100, 500, 500, 500),
    line(100, 100, 500, 100),
  ]
  for (let k = 1; k <= shapes.length; k += 1) recognizer.candidates(shapes.slice(0, k), 8)
}

function handwritingFor(base: string, script: InputScript) {
  let loaded = handwriting.get(script)
  if (!loaded) {
    loaded = loadHandwriting(base, script, (url) => fetch(url)).then((hw) => {
      warmUp(hw.recognizer)
      return hw
    })
    handwriting.set(script, loaded)
    loaded.catch(() => handwriting.delete(script))
  }
  return loaded
}

async function ready<T>(map: Map<InputScript, Promise<T>>, script: InputScript): Promise<T> {
  const loaded = map.get(script)
  if (!loaded) throw new Error(`text input: ${script} not prepared`)
  return loaded
}

async function answer(request: WorkerRequest): Promise<WorkerAnswers[keyof WorkerAnswers]> {
  const started = performance.now()
  switch (request.op) {
    case 'prepareHandwriting':
      await handwritingFor(request.base, request.script)
      return { ms: performance.now() - started }
    case 'recognize': {
      const { recognizer } = await ready(handwriting, request.script)
      const chars = recognizer.candidates(request.strokes as PadStroke[], request.n).map((c) => c.char)
      return { chars, ms: performance.now() - started }
    }
    case 'follow': {
      const { associations } = await ready(handwriting, request.script)
      const out: string[] = []
      for (const word of associations.words(request.char, request.n)) {
        const rest = [...word].slice(1).join('')
        if (rest && !out.includes(rest)) out.push(rest)
      }
      for (const next of associations.next(request.char, request.n * 2))
        if (!out.includes(next)) out.push(next)
      return { chars: out.slice(0, request.n) }
    }
    case 'preparePinyin': {
      let loaded = pinyin.get(request.script)
      if (!loaded) {
        loaded = loadPinyin(request.base, request.script, (url) => fetch(url))
        pinyin.set(request.script, loaded)
        loaded.catch(() => pinyin.delete(request.script))
      }
      await loaded
      return { ms: performance.now() - started }
    }
    case 'pinyin': {
      const index = await ready(pinyin, request.script)
      return {
        tokens: index.segment(request.letters)?.tokens ?? [],
        candidates: index.candidates(request.letters, request.n),
      }
    }
  }
}

scope.onmessage = (event) => {
  const { id, ...request } = event.data
  answer(request as WorkerRequest).then(
    (result) => scope.postMessage({ id, ok: true, result }),
    (error: unknown) => scope.postMessage({ id, ok: false, error: String(error) }),
  )
}
