/**
 * Zinnia (Debian's zinnia-utils) with Debian's tegaki-zinnia-simplified-chinese model, run on the
 * same samples, for the choice between it and our recogniser. Skipped when not installed
 * (apt-get install zinnia-utils tegaki-zinnia-simplified-chinese).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boundingBox } from '../../packages/handwriting/src/geometry'
import type { Sample } from '../../packages/handwriting/testset'

export const ZINNIA_MODEL = '/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model'

export function zinniaAvailable(): boolean {
  return existsSync('/usr/bin/zinnia') && existsSync(ZINNIA_MODEL)
}

export function zinniaModelBytes(): number {
  return statSync(ZINNIA_MODEL).size
}

/** Each sample's 10 best answers, and the mean time per character (one process for all). */
export function zinniaAnswers(samples: readonly Sample[]): { answers: string[][]; msPerChar: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bangban-zinnia-'))
  try {
    const file = join(dir, 'samples.s')
    // Each character in a 1000 box by its own bounds (Zinnia does best so: 85 % top-5 on the first
    // 300 clean samples against 76 % given the pad's 600 box).
    const lines = samples.map((s) => {
      const box = boundingBox(s.strokes)!
      const size = Math.max(box.x1 - box.x0, box.y1 - box.y0) || 1
      const at = (v: number, from: number) => Math.round(((v - from) / size) * 900 + 50)
      const strokes = s.strokes.map(
        (stroke) => `(${stroke.map((p) => `(${at(p.x, box.x0)} ${at(p.y, box.y0)})`).join('')})`,
      )
      return `(character (width 1000)(height 1000)(strokes ${strokes.join('')}))`
    })
    writeFileSync(file, `${lines.join('\n')}\n`)
    const started = performance.now()
    const out = execFileSync('zinnia', ['-m', ZINNIA_MODEL, '-n', '10', file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    const msPerChar = (performance.now() - started) / samples.length
    const answers = out
      .split('Answer:')
      .slice(1)
      .map((block) =>
        block
          .trim()
          .split('\n')
          .map((line) => line.split(' ')[0]!)
          .filter(Boolean),
      )
    if (answers.length !== samples.length)
      throw new Error(`zinnia answered ${answers.length} of ${samples.length}`)
    return { answers, msPerChar }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
