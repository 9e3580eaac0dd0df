#!/usr/bin/env tsx
/**
 * `pnpm voice:clips`: writes the clip inventories (assets/voice/inventory/<lang>.json, committed) and
 * the clips they name (assets/voice/clips/<lang>/…wav, generated, git-ignored). A recording by a real
 * voice at assets/voice/<lang>/<id>.wav is used instead of espeak-ng for that clip. Incremental:
 * a clip is made again only when its text, voice or recording changed.
 */
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { SUPPORTED_LANGUAGES, type Language } from '../../packages/core/src/i18n'
import type { ClipInventory } from '../../packages/shared/src/voice/clips/inventory'
import { durationMs, encodeWav, parseWav } from '../../packages/shared/src/voice/clips/wav'
import { espeakVersion, synthesize, type Synthesis } from './espeak'
import { buildInventories, pinyinForEspeak } from './inventory'

const VOICE_DIR = resolve(__dirname, '../../assets/voice')
const INVENTORY_DIR = join(VOICE_DIR, 'inventory')
const CLIPS_DIR = join(VOICE_DIR, 'clips')
const CACHE_FILE = join(CLIPS_DIR, '.cache.json')
/** Bump when the processing of clips changes, to remake them all. */
const FORMAT = 'wav-11025-s16-mono-trim15-v1'
const SPEED = 150
const CONCURRENCY = 2

interface Job {
  readonly lang: Language
  readonly id: string
  readonly synthesis: Synthesis
}

function jobs(lang: Language, inv: ClipInventory): Job[] {
  const out: Job[] = []
  const add = (id: string, voice: string, text: string) =>
    out.push({ lang, id, synthesis: { voice, text, speed: SPEED } })
  for (const [text, id] of Object.entries(inv.phrases)) {
    if (lang === 'zh-CN') add(id, 'cmn-latn-pinyin', pinyinForEspeak(text))
    else if (lang === 'zh-HK') add(id, 'yue', text)
    else add(id, 'en', text)
  }
  for (const syllable of Object.keys(inv.syllables)) {
    if (lang === 'zh-CN') add(`s/${syllable}`, 'cmn-latn-pinyin', syllable.replace(/0$/, '5'))
    else add(`s/${syllable}`, 'sit/yue-Latn-jyutping', syllable)
  }
  for (const [word, id] of Object.entries(inv.words)) add(id, 'en', word)
  // Letters are said by their English names in all three languages, as tickets are read at counters.
  for (const letter of inv.letters) add(`l/${letter}`, 'en', letter.toUpperCase())
  return out
}

function recordingOf(job: Job): string | null {
  const path = join(VOICE_DIR, job.lang, `${job.id}.wav`)
  return existsSync(path) ? path : null
}

function cacheKey(job: Job, engine: string): string {
  const recording = recordingOf(job)
  const source = recording
    ? `recording:${createHash('sha1').update(readFileSync(recording)).digest('hex')}`
    : `espeak:${engine}:${job.synthesis.voice}:${job.synthesis.speed}:${job.synthesis.text}`
  return createHash('sha1').update(`${FORMAT}|${source}`).digest('hex')
}

/** A recording is converted to the clips' format by sox, keeping its own timing. */
function convertRecording(path: string): Uint8Array {
  const out = execFileSync('sox', [
    path,
    '-t',
    'wav',
    '-r',
    '11025',
    '-c',
    '1',
    '-b',
    '16',
    '-e',
    'signed-integer',
    '-',
  ])
  return new Uint8Array(out)
}

async function runPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: limit }, worker))
}

function listWavs(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listWavs(path) : name.endsWith('.wav') ? [path] : []
  })
}

/** What to do without espeak-ng, in one sentence (a stack trace tells a deployer nothing). */
export const NO_ESPEAK =
  "pnpm voice:clips needs espeak-ng to make the kiosk's voice clips: install it (Debian/Ubuntu: sudo apt-get install espeak-ng sox; macOS: brew install espeak-ng sox) and run pnpm voice:clips again."

function espeakOrExplain(): string {
  try {
    return espeakVersion()
  } catch {
    console.error(NO_ESPEAK)
    process.exit(1)
  }
}

async function main(): Promise<void> {
  const started = Date.now()
  const engine = espeakOrExplain()
  const inventories = buildInventories()
  mkdirSync(INVENTORY_DIR, { recursive: true })
  for (const lang of SUPPORTED_LANGUAGES)
    writeFileSync(join(INVENTORY_DIR, `${lang}.json`), `${JSON.stringify(inventories[lang], null, 1)}\n`)

  const all = SUPPORTED_LANGUAGES.flatMap((lang) => jobs(lang, inventories[lang]))
  const cache: Record<string, string> = existsSync(CACHE_FILE)
    ? JSON.parse(readFileSync(CACHE_FILE, 'utf8'))
    : {}
  const nextCache: Record<string, string> = {}
  const index: Record<string, Record<string, number>> = {}
  let made = 0
  let recorded = 0
  await runPool(all, CONCURRENCY, async (job) => {
    const ref = `${job.lang}/${job.id}`
    const file = join(CLIPS_DIR, `${ref}.wav`)
    const key = cacheKey(job, engine)
    nextCache[ref] = key
    let bytes: Uint8Array
    if (cache[ref] === key && existsSync(file)) {
      bytes = new Uint8Array(readFileSync(file))
    } else {
      const recording = recordingOf(job)
      bytes = recording ? convertRecording(recording) : encodeWav(await synthesize(job.synthesis))
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, bytes)
      made += 1
    }
    if (recordingOf(job)) recorded += 1
    ;(index[job.lang] ??= {})[job.id] = Math.round(durationMs(parseWav(bytes)))
  })

  // Clips of phrases that left the prompt table go too.
  const wanted = new Set(all.map((job) => join(CLIPS_DIR, `${job.lang}/${job.id}.wav`)))
  let removed = 0
  for (const file of listWavs(CLIPS_DIR))
    if (!wanted.has(file)) {
      rmSync(file)
      removed += 1
    }
  const sorted = Object.fromEntries(
    SUPPORTED_LANGUAGES.map((lang) => [lang, Object.fromEntries(Object.entries(index[lang] ?? {}).sort())]),
  )
  writeFileSync(
    join(CLIPS_DIR, 'index.json'),
    `${JSON.stringify({ engine, format: FORMAT, clips: sorted })}\n`,
  )
  writeFileSync(CACHE_FILE, JSON.stringify(nextCache))

  const bytes = listWavs(CLIPS_DIR).reduce((sum, file) => sum + statSync(file).size, 0)
  console.log(
    `voice clips: ${all.length} (${made} made, ${recorded} from recordings, ${removed} removed), ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MB in ${relative(process.cwd(), CLIPS_DIR) || '.'}, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  for (const lang of SUPPORTED_LANGUAGES) {
    const inv = inventories[lang]
    console.log(
      `  ${lang}: ${Object.keys(inv.phrases).length} phrases, ${Object.keys(inv.syllables).length} syllables, ` +
        `${Object.keys(inv.words).length} words, ${inv.letters.length} letters`,
    )
  }
}

main().catch((error: unknown) => {
  console.error(`pnpm voice:clips stopped: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
