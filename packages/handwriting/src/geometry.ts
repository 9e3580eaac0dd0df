/**
 * Stroke geometry: points, bounding boxes, arc-length resampling and the frame every comparison is
 * made in. Platform-free (no DOM): the pad hands over plain points.
 */

/** One sample of the pen: CSS px on the pad (y down), and the time in ms (optional for matching). */
export interface Point {
  readonly x: number
  readonly y: number
  readonly t?: number
}

/** One stroke: the points from pen down to pen up, in order. */
export type Stroke = readonly Point[]

export interface Box {
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
}

/** Points per stroke after resampling: enough for hooks and bends, few enough to compare fast. */
export const SAMPLES = 8

export function boundingBox(strokes: readonly Stroke[]): Box | null {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const stroke of strokes)
    for (const p of stroke) {
      if (p.x < x0) x0 = p.x
      if (p.x > x1) x1 = p.x
      if (p.y < y0) y0 = p.y
      if (p.y > y1) y1 = p.y
    }
  return x0 === Infinity ? null : { x0, y0, x1, y1 }
}

/**
 * The frame a character is compared in: its box scaled so the longer side is 1, centred on
 * (0.5, 0.5), the aspect kept (a 一 stays flat, a 丨 stays thin).
 */
export function normalize(strokes: readonly Stroke[]): Point[][] {
  const box = boundingBox(strokes)
  if (!box) return []
  const size = Math.max(box.x1 - box.x0, box.y1 - box.y0) || 1
  const cx = (box.x0 + box.x1) / 2
  const cy = (box.y0 + box.y1) / 2
  return strokes.map((stroke) =>
    stroke.map((p) => ({ x: (p.x - cx) / size + 0.5, y: (p.y - cy) / size + 0.5 })),
  )
}

/**
 * `count` points evenly spaced along the stroke's path (first and last kept), as x0, y0, x1, y1 …
 * A stroke of one point (a tap) gives that point `count` times.
 */
export function resample(stroke: Stroke, count: number = SAMPLES): Float64Array {
  const flat = new Float64Array(stroke.length * 2)
  stroke.forEach((p, i) => {
    flat[2 * i] = p.x
    flat[2 * i + 1] = p.y
  })
  const out = new Float64Array(count * 2)
  resampleFlat(flat, stroke.length, count, out, 0)
  return out
}

/**
 * The same over `points` points stored flat (x0, y0, x1, y1 …), written into `out` from `at`:
 * no allocation, for preparing thousands of characters at once.
 */
export function resampleFlat(
  xy: Float64Array,
  points: number,
  count: number,
  out: Float64Array,
  at: number,
): void {
  if (points === 0) return
  const total = pathLength(xy, points)
  // Walk the path once: `seg` is the segment the next sample falls in, `walked` its start's distance.
  let seg = 1
  let walked = 0
  let segLength = points > 1 ? Math.sqrt((xy[2]! - xy[0]!) ** 2 + (xy[3]! - xy[1]!) ** 2) : 0
  for (let k = 0; k < count; k += 1) {
    const target = count === 1 ? 0 : (total * k) / (count - 1)
    while (seg < points - 1 && walked + segLength < target) {
      walked += segLength
      seg += 1
      segLength = Math.sqrt(
        (xy[2 * seg]! - xy[2 * seg - 2]!) ** 2 + (xy[2 * seg + 1]! - xy[2 * seg - 1]!) ** 2,
      )
    }
    if (points === 1) {
      out[at + 2 * k] = xy[0]!
      out[at + 2 * k + 1] = xy[1]!
      continue
    }
    const f = segLength > 0 ? Math.min(1, Math.max(0, (target - walked) / segLength)) : 0
    out[at + 2 * k] = xy[2 * seg - 2]! + (xy[2 * seg]! - xy[2 * seg - 2]!) * f
    out[at + 2 * k + 1] = xy[2 * seg - 1]! + (xy[2 * seg + 1]! - xy[2 * seg - 1]!) * f
  }
}

/** Path length of `points` points stored flat. */
export function pathLength(xy: Float64Array, points: number): number {
  let total = 0
  for (let i = 1; i < points; i += 1)
    total += Math.sqrt((xy[2 * i]! - xy[2 * i - 2]!) ** 2 + (xy[2 * i + 1]! - xy[2 * i - 1]!) ** 2)
  return total
}

/** Path length of a stroke. */
export function strokeLength(stroke: Stroke): number {
  let total = 0
  for (let i = 1; i < stroke.length; i += 1)
    total += Math.hypot(stroke[i]!.x - stroke[i - 1]!.x, stroke[i]!.y - stroke[i - 1]!.y)
  return total
}
