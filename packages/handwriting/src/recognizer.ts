/**
 * Stroke-matching recogniser over Make Me a Hanzi's stroke medians (the approach of HanziLookup,
 * with our own alignment): the strokes written so far are aligned, in order, with each candidate
 * character's strokes by dynamic programming that forgives what people do — a stroke written the
 * other way round, two strokes joined in one movement (连笔), two neighbouring strokes swapped, a
 * stroke left out or one too many — and each pair of aligned strokes costs the mean distance of
 * their resampled points in a frame where both characters' boxes coincide. A character with more
 * strokes than written so far is compared by its first strokes (in their own box), so candidates
 * are useful after every stroke.
 */
import { decodeCharacters, SIMPLIFIED, TRADITIONAL, type StoredChar } from './format'
import { normalize, resample, SAMPLES, strokeLength, type Stroke } from './geometry'

export type Script = 'simplified' | 'traditional'

export interface RecognizerOptions {
  /** Which candidate set: simplified (zh-CN, the default) or traditional (zh-HK). */
  readonly script?: Script
}

export interface Candidate {
  readonly char: string
  /** Lower is better; comparable only within one call. */
  readonly score: number
}

export interface Recognizer {
  /** The best `n` candidates (8 by default), best first; none for no strokes. */
  candidates(strokes: readonly Stroke[], n?: number): Candidate[]
  /** How many characters this recogniser can answer. */
  readonly size: number
}

/** Costs, in units of the character box (a good stroke match costs ~0.03–0.06). */
export const COSTS = {
  reversed: 0.06,
  joined: 0.03,
  swapped: 0.05,
  missing: 0.12,
  missingPerLength: 0.5,
  extra: 0.12,
  extraPerLength: 0.5,
  /** A character only begun: its first strokes match, the rest are still to come. */
  unfinished: 0.04,
  unfinishedPerStroke: 0.012,
  /** Frequent characters first among near-equals: × ln(1 + rank). */
  rarity: 0.004,
} as const

/**
 * How far the alignment may drift from the diagonal: template strokes ahead of written ones (joined
 * or left out) and behind them (extra strokes).
 */
const AHEAD = 4
const BEHIND = 2

interface Template {
  readonly char: string
  readonly rank: number
  readonly strokeCount: number
  /** Resampled strokes, SAMPLES points each, in the 0–1 data box. */
  readonly points: Float64Array
  /** Strokes i and i + 1 joined by a straight pen movement, resampled. */
  readonly joined: Float64Array
  readonly lengths: Float64Array
  /** Box of the first k strokes (k = 1…m) as size, cx, cy. */
  readonly frames: Float64Array
}

const P = SAMPLES * 2

function prepare(stored: StoredChar, rank: number): Template {
  const strokes = stored.strokes.map((s) => s.map(([x, y]) => ({ x: x / 256, y: y / 256 })))
  const m = strokes.length
  const points = new Float64Array(m * P)
  const joined = new Float64Array(Math.max(0, m - 1) * P)
  const lengths = new Float64Array(m)
  const frames = new Float64Array(m * 3)
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  strokes.forEach((stroke, i) => {
    points.set(resample(stroke), i * P)
    lengths[i] = strokeLength(stroke)
    if (i + 1 < m) joined.set(resample([...stroke, ...strokes[i + 1]!]), i * P)
    for (const p of stroke) {
      x0 = Math.min(x0, p.x)
      x1 = Math.max(x1, p.x)
      y0 = Math.min(y0, p.y)
      y1 = Math.max(y1, p.y)
    }
    frames[i * 3] = Math.max(x1 - x0, y1 - y0) || 1 / 256
    frames[i * 3 + 1] = (x0 + x1) / 2
    frames[i * 3 + 2] = (y0 + y1) / 2
  })
  return { char: stored.char, rank, strokeCount: m, points, joined, lengths, frames }
}

/** Mean distance between two resampled strokes; `reverse` reads b backwards. */
function distance(a: Float64Array, ai: number, b: Float64Array, bi: number, reverse: boolean): number {
  let sum = 0
  for (let k = 0; k < SAMPLES; k += 1) {
    const ak = ai + 2 * k
    const bk = bi + 2 * (reverse ? SAMPLES - 1 - k : k)
    const dx = a[ak]! - b[bk]!
    const dy = a[ak + 1]! - b[bk + 1]!
    sum += Math.sqrt(dx * dx + dy * dy)
  }
  return sum / SAMPLES
}

/** The written strokes, resampled, in the unit frame. */
interface Written {
  readonly count: number
  readonly points: Float64Array
  readonly lengths: Float64Array
}

function prepareWritten(strokes: readonly Stroke[]): Written {
  const unit = normalize(strokes.filter((s) => s.length > 0))
  const points = new Float64Array(unit.length * P)
  const lengths = new Float64Array(unit.length)
  unit.forEach((stroke, i) => {
    points.set(resample(stroke), i * P)
    lengths[i] = strokeLength(stroke)
  })
  return { count: unit.length, points, lengths }
}

/** Scratch space for one alignment, reused across calls. */
interface Scratch {
  into: Float64Array
  dp: Float64Array
  /** Forward distances by (written, template) stroke, NaN until computed. */
  memo: Float64Array
}

function scratch(strokes: number, templateStrokes: number): Scratch {
  return {
    into: new Float64Array(strokes * P),
    dp: new Float64Array((strokes + 2) * (templateStrokes + 2)),
    memo: new Float64Array((strokes + 1) * (templateStrokes + 1)),
  }
}

/**
 * Cost of aligning all written strokes with the template's first k strokes, in the frame of those
 * k strokes' box; Infinity when no alignment within the band costs less than `limit` (the search
 * gives up on a character as soon as every way through costs more).
 */
function align(w: Written, s: Scratch, t: Template, k: number, limit: number): number {
  const n = w.count
  const { into, dp, memo } = s
  const size = t.frames[(k - 1) * 3]!
  const cx = t.frames[(k - 1) * 3 + 1]!
  const cy = t.frames[(k - 1) * 3 + 2]!
  // The written strokes moved into the template's data box (cheaper than moving the template).
  for (let i = 0; i < n * P; i += 2) {
    into[i] = (w.points[i]! - 0.5) * size + cx
    into[i + 1] = (w.points[i + 1]! - 0.5) * size + cy
  }
  const width = k + 1
  dp.fill(Infinity, 0, (n + 2) * width)
  memo.fill(NaN, 0, n * k)
  dp[0] = 0
  const scale = 1 / size
  const forward = (i: number, j: number) => {
    let d = memo[i * k + j]!
    if (d !== d) {
      d = distance(into, i * P, t.points, j * P, false) * scale
      memo[i * k + j] = d
    }
    return d
  }
  for (let i = 0; i <= n; i += 1) {
    const from = Math.max(0, i - BEHIND)
    const to = Math.min(k, i + AHEAD)
    // Every way to the end passes through row i or (by a swap) row i + 1: give up early.
    let bound = Infinity
    for (let j = from; j <= to; j += 1) bound = Math.min(bound, dp[i * width + j]!, dp[(i + 1) * width + j]!)
    if (bound >= limit) return Infinity
    for (let j = from; j <= to; j += 1) {
      const here = dp[i * width + j]!
      if (here >= limit) continue
      if (j < k) {
        // A template stroke not written.
        const miss = here + COSTS.missing + COSTS.missingPerLength * t.lengths[j]! * scale
        if (miss < dp[i * width + j + 1]!) dp[i * width + j + 1] = miss
      }
      if (i === n) continue
      // A written stroke with no counterpart.
      const extra = here + COSTS.extra + COSTS.extraPerLength * w.lengths[i]!
      if (extra < dp[(i + 1) * width + j]!) dp[(i + 1) * width + j] = extra
      if (j === k) continue
      const backward = distance(into, i * P, t.points, j * P, true) * scale + COSTS.reversed
      const one = here + Math.min(forward(i, j), backward)
      if (one < dp[(i + 1) * width + j + 1]!) dp[(i + 1) * width + j + 1] = one
      if (j + 1 === k) continue
      const join = here + distance(into, i * P, t.joined, j * P, false) * scale + COSTS.joined
      if (join < dp[(i + 1) * width + j + 2]!) dp[(i + 1) * width + j + 2] = join
      if (i + 1 === n) continue
      const swap = here + forward(i, j + 1) + forward(i + 1, j) + COSTS.swapped
      if (swap < dp[(i + 2) * width + j + 2]!) dp[(i + 2) * width + j + 2] = swap
    }
  }
  return dp[n * width + k]!
}

/** Which set a script's recogniser answers from. */
function inScript(flags: number, script: Script): boolean {
  return (flags & (script === 'traditional' ? TRADITIONAL : SIMPLIFIED)) !== 0
}

/**
 * A recogniser over the data file's bytes (`strokes.bin`) or its decoded characters.
 */
export function createRecognizer(
  data: Uint8Array | readonly StoredChar[],
  options: RecognizerOptions = {},
): Recognizer {
  const script = options.script ?? 'simplified'
  const stored = data instanceof Uint8Array ? decodeCharacters(data) : data
  const templates: Template[] = []
  stored.forEach((c) => {
    if (inScript(c.flags, script)) templates.push(prepare(c, templates.length))
  })
  const maxStrokes = templates.reduce((m, t) => Math.max(m, t.strokeCount), 0)
  let space = scratch(0, 0)
  const rarity = templates.map((t) => COSTS.rarity * Math.log1p(t.rank))

  return {
    size: templates.length,
    candidates(strokes, n = 8) {
      const written = prepareWritten(strokes)
      const count = written.count
      if (count === 0) return []
      if (space.into.length < count * P) space = scratch(count, maxStrokes)
      const best: Candidate[] = []
      let worst = Infinity
      for (let ti = 0; ti < templates.length; ti += 1) {
        const t = templates[ti]!
        const m = t.strokeCount
        const prior = rarity[ti]!
        let score = Infinity
        // The whole character: up to AHEAD strokes joined or left out, up to BEHIND extra.
        if (m >= count - BEHIND && m <= count + AHEAD) score = align(written, space, t, m, worst - prior)
        // Only begun: the first strokes, one of them perhaps joined.
        for (let k = count; k <= count + 1 && k < m; k += 1) {
          const rest = COSTS.unfinished + COSTS.unfinishedPerStroke * (m - k) + prior
          const begun = align(written, space, t, k, Math.min(score, worst - prior) - rest + prior) + rest - prior
          if (begun < score) score = begun
        }
        score += prior
        if (score >= worst) continue
        best.push({ char: t.char, score })
        if (best.length >= n) {
          best.sort((a, b) => a.score - b.score)
          best.length = n
          worst = best[n - 1]!.score
        }
      }
      return best.sort((a, b) => a.score - b.score)
    },
  }
}
