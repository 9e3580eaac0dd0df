/**
 * Loading the data in the kiosk, once, the first time the pad opens: `strokes.bin` and
 * `words.json` are static files beside the app (the kiosk build copies assets/handwriting/ to
 * `handwriting/`). Platform-free: the caller passes its fetch.
 */
import { createAssociations, type Associations, type WordData } from './associations'
import { createPinyinIndex, type PinyinIndex } from './pinyin'
import { createRecognizer, type Recognizer, type Script } from './recognizer'

export interface Handwriting {
  readonly recognizer: Recognizer
  readonly associations: Associations
}

/** The files under the base URL, by name. */
export const FILES = { strokes: 'strokes.bin', words: 'words.json', pinyin: 'pinyin.txt' } as const

type Fetch = (url: string) => Promise<{
  ok: boolean
  status: number
  arrayBuffer(): Promise<ArrayBuffer>
  json(): Promise<unknown>
  text?(): Promise<string>
}>

const loaded = new Map<string, Promise<{ strokes: Uint8Array; words: WordData }>>()

/**
 * The recogniser and associations for a script, from `base` (e.g. `./handwriting/`). The files are
 * fetched once per base and shared by both scripts; a failed fetch is retried on the next call.
 */
export function loadHandwriting(base: string, script: Script, fetchFn: Fetch): Promise<Handwriting> {
  let files = loaded.get(base)
  if (!files) {
    const get = async (name: string) => {
      const response = await fetchFn(`${base}${name}`)
      if (!response.ok) throw new Error(`handwriting data ${name}: HTTP ${response.status}`)
      return response
    }
    files = Promise.all([get(FILES.strokes), get(FILES.words)]).then(async ([s, w]) => ({
      strokes: new Uint8Array(await s.arrayBuffer()),
      words: (await w.json()) as WordData,
    }))
    loaded.set(base, files)
    files.catch(() => loaded.delete(base))
  }
  return files.then(({ strokes, words }) => ({
    recognizer: createRecognizer(strokes, { script }),
    associations: createAssociations(words, { script }),
  }))
}

const pinyinLoaded = new Map<string, Promise<string>>()

/**
 * The pinyin keyboard's dictionary for a script, from `base`: fetched once per base (the first
 * time the 拼音 keyboard opens), shared by both scripts; a failed fetch is retried on the next call.
 */
export function loadPinyin(base: string, script: Script, fetchFn: Fetch): Promise<PinyinIndex> {
  let text = pinyinLoaded.get(base)
  if (!text) {
    text = fetchFn(`${base}${FILES.pinyin}`).then(async (response) => {
      if (!response.ok) throw new Error(`pinyin data: HTTP ${response.status}`)
      return response.text ? response.text() : new TextDecoder().decode(await response.arrayBuffer())
    })
    pinyinLoaded.set(base, text)
    text.catch(() => pinyinLoaded.delete(base))
  }
  return text.then((data) => createPinyinIndex(data, { script }))
}
