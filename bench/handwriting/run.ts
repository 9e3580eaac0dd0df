/**
 * Handwriting accuracy bench: the offline recogniser (packages/handwriting) on the generated test set
 * — 1,000 characters of service requests, addresses and everyday writing, written clean and
 * distorted as people write (see packages/handwriting/README.md) — and, beside it, Zinnia with
 * Debian's model on the same strokes when it is installed. Prints Markdown tables; asserts nothing.
 * Time here is Node on this machine, unthrottled; bench/handwriting/browser.ts measures Chromium at
 * 4× CPU throttling.
 */
import { cpus, loadavg } from 'node:os'
import { gzipSync } from 'node:zlib'
import { buildStrokes, buildWords } from '../../packages/handwriting/scripts/build-data'
import { createRecognizer, type Recognizer, type Script } from '../../packages/handwriting/src/recognizer'
import { testCharacters, writeSample, type Sample } from '../../packages/handwriting/testset'
import { evaluate, percent, percentile, type Scores } from '../../packages/handwriting/testset/evaluate'
import type { Style } from '../../packages/handwriting/testset/writer'
import { zinniaAnswers, zinniaAvailable, zinniaModelBytes } from './zinnia'

const TOTAL = Number(process.env.HANDWRITING_BENCH_CHARS ?? 1000)

function row(label: string, s: Scores, time = true): string {
  const t = time
    ? `${percentile(s.cpuTimes, 0.5).toFixed(1)} | ${percentile(s.cpuTimes, 0.95).toFixed(1)} | ${percentile(s.times, 0.95).toFixed(1)}`
    : '– | – | –'
  return `| ${label} | ${s.count} | ${percent(s.top1, s.count)} | ${percent(s.top5, s.count)} | ${percent(s.top10, s.count)} | ${t} |`
}

const header =
  '| test set | characters | top-1 | top-5 | top-10 | p50 ms (CPU) | p95 ms (CPU) | p95 ms (wall) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'

const started = Date.now()
const strokesFile = buildStrokes()
const wordsFile = new TextEncoder().encode(JSON.stringify(buildWords()))
const chars = testCharacters(TOTAL)
const samples = (script: Script, style: Style): Sample[] =>
  chars[script].map((c) => writeSample(c, script, style))
const sets: Record<Script, Record<Style, Sample[]>> = {
  simplified: { clean: samples('simplified', 'clean'), distorted: samples('simplified', 'distorted') },
  traditional: { clean: samples('traditional', 'clean'), distorted: samples('traditional', 'distorted') },
}
const recognizers: Record<Script, Recognizer> = {
  simplified: createRecognizer(strokesFile, { script: 'simplified' }),
  traditional: createRecognizer(strokesFile, { script: 'traditional' }),
}
const mistakes = sets.simplified.distorted.reduce(
  (m, s) => ({
    joined: m.joined + (s.mistakes.joined > 0 ? 1 : 0),
    swapped: m.swapped + s.mistakes.swapped,
    reversed: m.reversed + s.mistakes.reversed,
  }),
  { joined: 0, swapped: 0, reversed: 0 },
)

console.log(
  `Handwriting recognition (${new Date().toISOString()}), Node ${process.version}, unthrottled; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )} on ${cpus().length} cores (time is this process's CPU time per character; the wall clock also counts waiting for a core)`,
)
console.log(
  `Data: strokes.bin ${(strokesFile.length / 1024).toFixed(0)} KB (${(gzipSync(strokesFile).length / 1024).toFixed(0)} KB gzipped), words.json ${(wordsFile.length / 1024).toFixed(0)} KB (${(gzipSync(wordsFile).length / 1024).toFixed(0)} KB gzipped); candidates: ${recognizers.simplified.size} simplified, ${recognizers.traditional.size} traditional.`,
)
console.log(
  `Test set: ${chars.simplified.length} simplified characters and the ${chars.traditional.length} whose Hong Kong form differs; distorted samples with 连笔 ${mistakes.joined}, swapped strokes ${mistakes.swapped}, reversed strokes ${mistakes.reversed} (of ${sets.simplified.distorted.length}).`,
)
console.log('')
console.log(header)
const results: Array<[string, Scores]> = []
for (const script of ['simplified', 'traditional'] as const)
  for (const style of ['clean', 'distorted'] as const) {
    const r = recognizers[script]
    const scores = evaluate((s, n) => r.candidates(s, n), sets[script][style])
    results.push([`${script}, ${style}`, scores])
    console.log(row(`ours: ${script === 'simplified' ? 'zh-CN' : 'zh-HK'} ${style}`, scores))
  }

// A smaller candidate set: GB 2312 level 1 (the 3,755 most common) instead of all 6,763.
const small = createRecognizer(buildStrokes({ simplified: 3755, traditional: 0 }), { script: 'simplified' })
for (const style of ['clean', 'distorted'] as const)
  console.log(
    row(
      `ours, 3,755 candidates: zh-CN ${style}`,
      evaluate((s, n) => small.candidates(s, n), sets.simplified[style]),
    ),
  )

if (zinniaAvailable()) {
  for (const style of ['clean', 'distorted'] as const) {
    const list = sets.simplified[style]
    const { answers, msPerChar } = zinniaAnswers(list)
    const scores = evaluate(
      (() => {
        let i = 0
        return () => answers[i++]!.map((char) => ({ char }))
      })(),
      list,
    )
    console.log(
      `${row(`Zinnia + tegaki model: zh-CN ${style}`, scores, false)} (mean ${msPerChar.toFixed(1)} ms a character, native)`,
    )
  }
  console.log(`Zinnia's model: ${(zinniaModelBytes() / 2 ** 20).toFixed(1)} MB, simplified only.`)
} else {
  console.log(
    '(Zinnia not installed: apt-get install zinnia-utils tegaki-zinnia-simplified-chinese to compare.)',
  )
}

// Candidates after each stroke: a character half written (its first ⌈m/2⌉ strokes, clean).
const half = sets.simplified.clean.filter((s) => s.strokes.length >= 4).slice(0, 300)
let inEight = 0
for (const s of half)
  if (
    recognizers.simplified
      .candidates(s.strokes.slice(0, Math.ceil(s.strokes.length / 2)), 8)
      .some((c) => c.char === s.char)
  )
    inEight += 1
console.log('')
console.log(
  `Half written (first ⌈m/2⌉ strokes of ${half.length} clean characters of 4+ strokes): the character is among the 8 candidates in ${percent(inEight, half.length)}.`,
)
const worst = results.find(([label]) => label === 'simplified, distorted')![1]
console.log(
  `Misses (not in the top 5) of zh-CN distorted, first 12: ${worst.misses
    .slice(0, 12)
    .map((m) => `${m.sample.char}→${m.answers}`)
    .join(' ')}`,
)
console.log(
  `Goals: top-5 ≥ 95 % clean, ≥ 90 % distorted. Bench ran in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
)
