/**
 * Stroke-matching recogniser over Make Me a Hanzi's stroke medians (the approach of HanziLookup,
 * with our own alignment): the strokes written so far are aligned, in order, with each candidate
 * character's strokes by dynamic programming that forgives what people do — a stroke written the
 * other way round, two strokes joined in one movement (连笔), two neighbouring strokes swapped, a
 * stroke left out or one too many — and each pair of aligned strokes costs the mean distance of
 * their resampled points in a frame where both characters' boxes coincide. A character with more
 * strokes than written so far is compared by its first strokes (in their own box), so candidates
 * are useful after every stroke.
 *
 * Two passes keep it fast: a coarse pass aligns every candidate with each template stroke cut to
 * five points snapped to a 16 × 16 grid (distances are then table look-ups), and the best few
 * dozen are aligned again with eight exact points per stroke.
 */
import {
  decodeFlat,
  encodeCharacters,
  SIMPLIFIED,
  TRADITIONAL,
  type FlatCharacters,
  type StoredChar,
} from './format'
import { normalize, pathLength, resample, resampleFlat, SAMPLES, strokeLength, type Stroke } from './geometry'

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

/** Points per stroke in the coarse pass, and the grid they are snapped to. */
const COARSE = 3
const GRID = 16
const CELLS = GRID * GRID
/**
 * In the coarse pass, only this many of the most frequent characters are compared by their first
 * strokes (a character only begun); every character is compared whole. Measured: the same accuracy
 * on whole characters at two thirds of the time.
 */
const PREFIX_RANK = 2500
/** Candidates the coarse pass hands to the exact one. */
const SHORTLIST = 32

const P = SAMPLES * 2
const C = COARSE * 2

interface Template {
  readonly char: string
  readonly rank: number
  readonly strokeCount: number
  /** Resampled strokes, SAMPLES points each, in the 0–1 data box. */
  readonly points: Float64Array
  /** Strokes i and i + 1 joined by a straight pen movement, resampled. */
  readonly joined: Float64Array
  /** The same with COARSE points, for the coarse pass. */
  readonly coarse: Float64Array
  readonly coarseJoined: Float64Array
  readonly lengths: Float64Array
  /** Box of the first k strokes (k = 1…m) as size, cx, cy. */
  readonly frames: Float64Array
  /** Per k: grid cells of the first k strokes, then of their k − 1 joined pairs, in frame k. */
  readonly cells: Array<Uint8Array | undefined>
  readonly prior: number
}

/** Room for the points of two strokes (a joined pair), in the data box. */
const buffer = new Float64Array(2 * 2 * 255)

/** Copies stroke s's points into `buffer` from point `at` (0–1 data box); returns how many. */
function load(flat: FlatCharacters, s: number, at: number): number {
  const count = flat.pointCount[s]!
  const from = flat.pointsAt[s]!
  for (let p = 0; p < 2 * count; p += 1) buffer[2 * at + p] = flat.bytes[from + p]! / 256
  return count
}

function prepare(flat: FlatCharacters, index: number, rank: number): Template {
  const first = flat.firstStroke[index]!
  const m = flat.firstStroke[index + 1]! - first
  const points = new Float64Array(m * P)
  const joined = new Float64Array(Math.max(0, m - 1) * P)
  const coarse = new Float64Array(m * C)
  const coarseJoined = new Float64Array(Math.max(0, m - 1) * C)
  const lengths = new Float64Array(m)
  const frames = new Float64Array(m * 3)
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (let i = 0; i < m; i += 1) {
    const count = load(flat, first + i, 0)
    resampleFlat(buffer, count, SAMPLES, points, i * P)
    resampleFlat(buffer, count, COARSE, coarse, i * C)
    lengths[i] = pathLength(buffer, count)
    for (let p = 0; p < count; p += 1) {
      x0 = Math.min(x0, buffer[2 * p]!)
      x1 = Math.max(x1, buffer[2 * p]!)
      y0 = Math.min(y0, buffer[2 * p + 1]!)
      y1 = Math.max(y1, buffer[2 * p + 1]!)
    }
    frames[i * 3] = Math.max(x1 - x0, y1 - y0) || 1 / 256
    frames[i * 3 + 1] = (x0 + x1) / 2
    frames[i * 3 + 2] = (y0 + y1) / 2
    if (i + 1 < m) {
      const both = count + load(flat, first + i + 1, count)
      resampleFlat(buffer, both, SAMPLES, joined, i * P)
      resampleFlat(buffer, both, COARSE, coarseJoined, i * C)
    }
  }
  const template: Template = {
    char: flat.chars[index]!,
    rank,
    strokeCount: m,
    points,
    joined,
    coarse,
    coarseJoined,
    lengths,
    frames,
    cells: [],
    prior: COSTS.rarity * Math.log1p(rank),
  }
  // The whole character's cells now; those of its first strokes when first asked for.
  cellsFor(template, m)
  return template
}

/** The grid cells of a template's first k strokes (and joined pairs) in the frame of their box. */
function cellsFor(t: Template, k: number): Uint8Array {
  let cells = t.cells[k]
  if (cells) return cells
  cells = new Uint8Array((2 * k - 1) * COARSE)
  const size = t.frames[(k - 1) * 3]!
  const cx = t.frames[(k - 1) * 3 + 1]!
  const cy = t.frames[(k - 1) * 3 + 2]!
  const snap = (v: number) => Math.max(0, Math.min(GRID - 1, Math.floor(v * GRID)))
  const put = (from: Float64Array, stroke: number, at: number) => {
    for (let q = 0; q < COARSE; q += 1) {
      const x = (from[stroke * C + 2 * q]! - cx) / size + 0.5
      const y = (from[stroke * C + 2 * q + 1]! - cy) / size + 0.5
      cells![at * COARSE + q] = snap(y) * GRID + snap(x)
    }
  }
  for (let j = 0; j < k; j += 1) put(t.coarse, j, j)
  for (let j = 0; j + 1 < k; j += 1) put(t.coarseJoined, j, k + j)
  t.cells[k] = cells
  return cells
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

/** The written strokes in the unit frame: resampled, and as distance tables to the grid cells. */
interface Written {
  readonly count: number
  readonly points: Float64Array
  readonly lengths: Float64Array
  /** Distance from coarse point q of stroke i to the centre of each cell: [(i·COARSE + q)·CELLS + cell]. */
  readonly table: Float64Array
}

function prepareWritten(strokes: readonly Stroke[]): Written {
  const unit = normalize(strokes.filter((s) => s.length > 0))
  const n = unit.length
  const points = new Float64Array(n * P)
  const lengths = new Float64Array(n)
  const table = new Float64Array(n * COARSE * CELLS)
  unit.forEach((stroke, i) => {
    points.set(resample(stroke), i * P)
    lengths[i] = strokeLength(stroke)
    const coarse = resample(stroke, COARSE)
    for (let q = 0; q < COARSE; q += 1) {
      const x = coarse[2 * q]!
      const y = coarse[2 * q + 1]!
      for (let cell = 0; cell < CELLS; cell += 1) {
        const dx = x - ((cell % GRID) + 0.5) / GRID
        const dy = y - (Math.floor(cell / GRID) + 0.5) / GRID
        table[(i * COARSE + q) * CELLS + cell] = Math.sqrt(dx * dx + dy * dy)
      }
    }
  })
  return { count: n, points, lengths, table }
}

/** What aligning a written stroke i with template stroke j (or joined pair j, j + 1) costs. */
interface StrokeCosts {
  /** The least a written stroke is taken to cost, for giving up early (0: never guess). */
  readonly floor: number
  /** Prepares for the template's first k strokes; returns the frame's size in the data box. */
  begin(t: Template, k: number): number
  forward(i: number, j: number): number
  backward(i: number, j: number): number
  joined(i: number, j: number): number
}

/** Coarse: template points snapped to the grid, distances looked up. */
class CoarseCosts implements StrokeCosts {
  /** Below what a coarse stroke match costs on average (grid snapping alone is ~0.02). */
  readonly floor = 0.02
  private cells: Uint8Array = new Uint8Array(0)
  private k = 0
  constructor(private readonly table: Float64Array) {}
  begin(t: Template, k: number): number {
    this.cells = cellsFor(t, k)
    this.k = k
    return t.frames[(k - 1) * 3]!
  }
  private sum(i: number, at: number, reverse: boolean): number {
    const { table, cells } = this
    const base = i * COARSE * CELLS
    const from = at * COARSE
    let total = 0
    if (reverse)
      for (let q = 0; q < COARSE; q += 1) total += table[base + q * CELLS + cells[from + COARSE - 1 - q]!]!
    else for (let q = 0; q < COARSE; q += 1) total += table[base + q * CELLS + cells[from + q]!]!
    return total / COARSE
  }
  forward(i: number, j: number): number {
    return this.sum(i, j, false)
  }
  backward(i: number, j: number): number {
    return this.sum(i, j, true)
  }
  joined(i: number, j: number): number {
    return this.sum(i, this.k + j, false)
  }
}

/** Exact: eight points per stroke, the written strokes moved into the template's frame. */
class ExactCosts implements StrokeCosts {
  readonly floor = 0
  private readonly into: Float64Array
  private points: Float64Array = new Float64Array(0)
  private pairs: Float64Array = new Float64Array(0)
  private scale = 1
  constructor(private readonly w: Written) {
    this.into = new Float64Array(w.count * P)
  }
  begin(t: Template, k: number): number {
    const size = t.frames[(k - 1) * 3]!
    const cx = t.frames[(k - 1) * 3 + 1]!
    const cy = t.frames[(k - 1) * 3 + 2]!
    const { into, w } = this
    for (let i = 0; i < w.count * P; i += 2) {
      into[i] = (w.points[i]! - 0.5) * size + cx
      into[i + 1] = (w.points[i + 1]! - 0.5) * size + cy
    }
    this.points = t.points
    this.pairs = t.joined
    this.scale = 1 / size
    return size
  }
  forward(i: number, j: number): number {
    return distance(this.into, i * P, this.points, j * P, false) * this.scale
  }
  backward(i: number, j: number): number {
    return distance(this.into, i * P, this.points, j * P, true) * this.scale
  }
  joined(i: number, j: number): number {
    return distance(this.into, i * P, this.pairs, j * P, false) * this.scale
  }
}

/** Scratch space for alignments, grown as needed. */
class Scratch {
  dp = new Float64Array(0)
  /** Forward costs by (written, template) stroke, valid where `stamps` holds the current stamp. */
  memo = new Float64Array(0)
  stamps = new Int32Array(0)
  stamp = 0
  fit(n: number, k: number): void {
    if (this.dp.length < (n + 3) * (k + 1)) this.dp = new Float64Array((n + 3) * (k + 1) * 2)
    if (this.memo.length < n * k) {
      this.memo = new Float64Array(n * k * 2)
      this.stamps = new Int32Array(n * k * 2)
    }
    this.stamp = (this.stamp + 1) | 0
  }
}

/**
 * Cost of aligning all written strokes with the template's first k strokes; Infinity when no
 * alignment within the band costs less than `limit` (it gives up on a character as soon as every
 * way through costs more).
 */
function align(w: Written, costs: StrokeCosts, s: Scratch, t: Template, k: number, limit: number): number {
  const n = w.count
  const floor = costs.floor

  s.fit(n, k)
  const { dp, memo, stamps, stamp } = s
  const scale = 1 / costs.begin(t, k)
  const width = k + 1
  // Rows are cleared just before they can be written: a character given up early costs little.
  dp.fill(Infinity, 0, 2 * width)
  dp[0] = 0
  for (let i = 0; i <= n; i += 1) {
    dp.fill(Infinity, (i + 2) * width, (i + 3) * width)
    const from = Math.max(0, i - BEHIND)
    const to = Math.min(k, i + AHEAD)
    // Every way to the end passes through row i or (by a swap) row i + 1: give up early.
    let bound = Infinity
    for (let j = from; j <= to; j += 1) bound = Math.min(bound, dp[i * width + j]!, dp[(i + 1) * width + j]!)

    if (bound + (n - i) * floor >= limit) return Infinity
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
      let straight: number
      if (stamps[i * k + j] === stamp) straight = memo[i * k + j]!
      else {
        straight = memo[i * k + j] = costs.forward(i, j)
        stamps[i * k + j] = stamp
      }
      // Written the other way round: only worth a look when the straight way is poor.
      const one =
        here +
        (straight > COSTS.reversed ? Math.min(straight, costs.backward(i, j) + COSTS.reversed) : straight)
      if (one < dp[(i + 1) * width + j + 1]!) dp[(i + 1) * width + j + 1] = one
      if (j + 1 === k) continue
      const join = here + costs.joined(i, j) + COSTS.joined
      if (join < dp[(i + 1) * width + j + 2]!) dp[(i + 1) * width + j + 2] = join
      if (i + 1 === n) continue
      let early: number
      if (stamps[i * k + j + 1] === stamp) early = memo[i * k + j + 1]!
      else {
        early = memo[i * k + j + 1] = costs.forward(i, j + 1)
        stamps[i * k + j + 1] = stamp
      }
      let late: number
      if (stamps[(i + 1) * k + j] === stamp) late = memo[(i + 1) * k + j]!
      else {
        late = memo[(i + 1) * k + j] = costs.forward(i + 1, j)
        stamps[(i + 1) * k + j] = stamp
      }
      const swap = here + early + late + COSTS.swapped
      if (swap < dp[(i + 2) * width + j + 2]!) dp[(i + 2) * width + j + 2] = swap
    }
  }

  return dp[n * width + k]!
}

/**
 * A character's score (prior included): the best of the whole character (when its stroke count is
 * near enough) and of its first strokes (one of them perhaps joined), which costs a little for
 * the strokes still to come. Infinity when it cannot beat `limit`.
 */
function score(
  w: Written,
  costs: StrokeCosts,
  s: Scratch,
  t: Template,
  limit: number,
  /** Also try the first n + 1 strokes with two of them joined (the exact pass only). */
  joinedPrefix: boolean,
): number {
  const n = w.count
  const m = t.strokeCount
  let best = limit - t.prior
  if (m >= n - BEHIND && m <= n + AHEAD) best = Math.min(best, align(w, costs, s, t, m, best))
  for (
    let k = n;
    k <= (joinedPrefix ? n + 1 : n) && k < m && (joinedPrefix || t.rank < PREFIX_RANK);
    k += 1
  ) {
    const rest = COSTS.unfinished + COSTS.unfinishedPerStroke * (m - k)
    best = Math.min(best, align(w, costs, s, t, k, best - rest) + rest)
  }
  return best + t.prior < limit ? best + t.prior : Infinity
}

/** The best `n` of scored items, kept sorted as they come; `limit` is the score to beat. */
class Best<T> {
  readonly items: Array<{ item: T; score: number }> = []
  constructor(private readonly size: number) {}
  get limit(): number {
    return this.items.length < this.size ? Infinity : this.items[this.size - 1]!.score
  }
  add(item: T, score: number): void {
    if (score >= this.limit) return
    let at = this.items.length
    while (at > 0 && this.items[at - 1]!.score > score) at -= 1
    this.items.splice(at, 0, { item, score })
    if (this.items.length > this.size) this.items.pop()
  }
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
  const flat = decodeFlat(data instanceof Uint8Array ? data : encodeCharacters(data))
  const templates: Template[] = []
  flat.chars.forEach((_, i) => {
    if (inScript(flat.flags[i]!, script)) templates.push(prepare(flat, i, templates.length))
  })
  const scratch = new Scratch()

  return {
    size: templates.length,
    candidates(strokes, n = 8) {
      const written = prepareWritten(strokes)
      if (written.count === 0) return []
      const coarse = new CoarseCosts(written.table)
      const shortlist = new Best<Template>(Math.max(SHORTLIST, n))
      for (const t of templates) shortlist.add(t, score(written, coarse, scratch, t, shortlist.limit, false))
      const exact = new ExactCosts(written)
      const best = new Best<string>(n)
      for (const { item: t } of shortlist.items)
        best.add(t.char, score(written, exact, scratch, t, best.limit, true))
      return best.items.map(({ item, score: s }) => ({ char: item, score: s }))
    },
  }
}
