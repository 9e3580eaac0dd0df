/** Accuracy and time of a recogniser over labelled samples (the bench and the accuracy test). */
import type { Stroke } from '../src/geometry'
import type { Sample } from './index'

export interface Scores {
  readonly count: number
  readonly top1: number
  readonly top5: number
  readonly top10: number
  /** Milliseconds per recognition (wall clock), sorted. */
  readonly times: number[]
  /**
   * The same in this process's CPU time, sorted: on a machine shared with other work the wall clock
   * also counts time the recogniser was waiting for a core.
   */
  readonly cpuTimes: number[]
  /** Samples not in the top 5: what was written, and the first five answers. */
  readonly misses: Array<{ sample: Sample; answers: string }>
}

/** Anything that answers candidates for strokes, best first. */
export type Recognise = (strokes: readonly Stroke[], n: number) => ReadonlyArray<{ char: string }>

export function evaluate(recognise: Recognise, samples: readonly Sample[]): Scores {
  let top1 = 0
  let top5 = 0
  let top10 = 0
  const times: number[] = []
  const cpuTimes: number[] = []
  const misses: Scores['misses'] = []
  for (const sample of samples) {
    const cpu = process.cpuUsage()
    const started = performance.now()
    const answers = recognise(sample.strokes, 10)
    times.push(performance.now() - started)
    const used = process.cpuUsage(cpu)
    cpuTimes.push((used.user + used.system) / 1000)
    const rank = answers.findIndex((a) => a.char === sample.char)
    if (rank === 0) top1 += 1
    if (rank >= 0 && rank < 5) top5 += 1
    else
      misses.push({
        sample,
        answers: answers
          .slice(0, 5)
          .map((a) => a.char)
          .join(''),
      })
    if (rank >= 0) top10 += 1
  }
  times.sort((a, b) => a - b)
  cpuTimes.sort((a, b) => a - b)
  return { count: samples.length, top1, top5, top10, times, cpuTimes, misses }
}

export function percentile(sorted: readonly number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN
}

export const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)} %`
