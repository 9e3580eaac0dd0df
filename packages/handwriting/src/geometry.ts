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
  const out = new Float64Array(count * 2)
  if (stroke.length === 0) return out
  if (stroke.length === 1) {
    for (let k = 0; k < count; k += 1) {
      out[2 * k] = stroke[0]!.x
      out[2 * k + 1] = stroke[0]!.y
    }
    return out
  }
  const lengths = [0]
  for (let i = 1; i < stroke.length; i += 1) {
    const a = stroke[i - 1]!
    const b = stroke[i]!
    lengths.push(lengths[i - 1]! + Math.hypot(b.x - a.x, b.y - a.y))
  }
  const total = lengths[lengths.length - 1]!
  let seg = 1
  for (let k = 0; k < count; k += 1) {
    const target = count === 1 ? 0 : (total * k) / (count - 1)
    while (seg < stroke.length - 1 && lengths[seg]! < target) seg += 1
    const a = stroke[Math.max(0, seg - 1)]!
    const b = stroke[Math.min(seg, stroke.length - 1)]!
    const span = lengths[seg]! - lengths[seg - 1]! || 0
    const f = span > 0 ? Math.min(1, Math.max(0, (target - lengths[seg - 1]!) / span)) : 0
    out[2 * k] = a.x + (b.x - a.x) * f
    out[2 * k + 1] = a.y + (b.y - a.y) * f
  }
  return out
}

/** Path length of a stroke. */
export function strokeLength(stroke: Stroke): number {
  let total = 0
  for (let i = 1; i < stroke.length; i += 1)
    total += Math.hypot(stroke[i]!.x - stroke[i - 1]!.x, stroke[i]!.y - stroke[i - 1]!.y)
  return total
}
