/**
 * Writes a character on a 600 × 600 pad "as a person would", from its stroke paths: placed and
 * sized at random, the pen sampled every 16 ms with a speed that rises and falls along each stroke,
 * a little tremor. The distorted style adds what people do to characters: a slant, a squashed or
 * stretched shape, a rotation, strokes out of place and out of size, a wavering line, two strokes
 * joined in one movement (连笔), two neighbouring strokes written in the wrong order, a stroke
 * written backwards, an uneven pace. Deterministic for a given random source.
 */
import type { Point } from '../src/geometry'
import type { Pt } from './skeleton'

export const PAD = 600

/** A seeded random source (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A seed from a text (FNV-1a), so each character has its own repeatable hand. */
export function seedOf(text: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt
  for (const ch of text) {
    h ^= ch.codePointAt(0)!
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export type Style = 'clean' | 'distorted'

/** What was done to a sample, for reading the bench's failures. */
export interface Mistakes {
  joined: number
  swapped: number
  reversed: number
}

export interface Written {
  readonly strokes: Point[][]
  readonly mistakes: Mistakes
}

const uniform = (rng: () => number, a: number, b: number) => a + (b - a) * rng()
const gauss = (rng: () => number) => {
  const u = Math.max(1e-12, rng())
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng())
}

/** Smooths a path (pixel staircases from thinning) and keeps a point every ~12 units. */
function smooth(path: readonly Pt[]): Pt[] {
  const out: Pt[] = path.map((_, i) => {
    let x = 0
    let y = 0
    let n = 0
    for (let k = Math.max(0, i - 2); k <= Math.min(path.length - 1, i + 2); k += 1) {
      x += path[k]![0]
      y += path[k]![1]
      n += 1
    }
    return [x / n, y / n] as Pt
  })
  out[0] = path[0]!
  out[out.length - 1] = path[path.length - 1]!
  const kept: Pt[] = [out[0]!]
  for (const p of out.slice(1, -1)) {
    const last = kept[kept.length - 1]!
    if (Math.hypot(p[0] - last[0], p[1] - last[1]) >= 12) kept.push(p)
  }
  kept.push(out[out.length - 1]!)
  return kept
}

/**
 * Writes strokes given as paths in a 1024 box (y down, in writing order).
 */
export function write(paths: readonly (readonly Pt[])[], rng: () => number, style: Style): Written {
  const distorted = style === 'distorted'
  const mistakes: Mistakes = { joined: 0, swapped: 0, reversed: 0 }
  let strokes: Pt[][] = paths.map((p) => smooth(p))

  if (distorted) {
    // Order mistakes: two neighbouring strokes swapped; a stroke written backwards.
    if (strokes.length >= 2 && rng() < 0.3) {
      const k = Math.floor(rng() * (strokes.length - 1))
      ;[strokes[k], strokes[k + 1]] = [strokes[k + 1]!, strokes[k]!]
      mistakes.swapped += 1
    }
    if (rng() < 0.15) {
      const k = Math.floor(rng() * strokes.length)
      strokes[k] = [...strokes[k]!].reverse()
      mistakes.reversed += 1
    }
    // 连笔: the pen goes on from one stroke's end to the next one's start without lifting.
    for (const chance of [0.45, 0.2]) {
      if (strokes.length < 2 || rng() >= chance) continue
      const near = strokes
        .slice(0, -1)
        .map((s, k) => ({ k, gap: dist(s[s.length - 1]!, strokes[k + 1]![0]!) }))
        .filter((e) => e.gap < 450)
      if (near.length === 0) continue
      const { k } = near[Math.floor(rng() * near.length)]!
      strokes = [...strokes.slice(0, k), [...strokes[k]!, ...strokes[k + 1]!], ...strokes.slice(k + 2)]
      mistakes.joined += 1
    }
    // Strokes a little out of place, size and angle.
    strokes = strokes.map((s) => {
      const cx = s.reduce((a, p) => a + p[0], 0) / s.length
      const cy = s.reduce((a, p) => a + p[1], 0) / s.length
      const scale = uniform(rng, 0.85, 1.15)
      const turn = uniform(rng, -0.08, 0.08)
      const dx = gauss(rng) * 22
      const dy = gauss(rng) * 22
      return s.map(([x, y]) => {
        const u = (x - cx) * scale
        const v = (y - cy) * scale
        return [
          cx + u * Math.cos(turn) - v * Math.sin(turn) + dx,
          cy + u * Math.sin(turn) + v * Math.cos(turn) + dy,
        ] as Pt
      })
    })
  }

  // The whole character: size, slant, aspect, rotation, place on the pad.
  const size = uniform(rng, 0.6, 0.9) * (PAD / 1024)
  const slant = distorted ? uniform(rng, -0.25, 0.25) : uniform(rng, -0.05, 0.05)
  const aspect = distorted ? uniform(rng, 0.85, 1.18) : uniform(rng, 0.96, 1.04)
  const angle = distorted ? uniform(rng, -0.1, 0.1) : uniform(rng, -0.02, 0.02)
  const place = (x: number, y: number): Pt => {
    const u = (x - 512) * size * aspect
    const v = (y - 512) * (size / aspect)
    const w = u + slant * v
    return [w * Math.cos(angle) - v * Math.sin(angle), w * Math.sin(angle) + v * Math.cos(angle)]
  }
  let placed = strokes.map((s) => s.map(([x, y]) => place(x, y)))
  const xs = placed.flat().map((p) => p[0])
  const ys = placed.flat().map((p) => p[1])
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  const ox = uniform(rng, 20 - minX, PAD - 20 - maxX)
  const oy = uniform(rng, 20 - minY, PAD - 20 - maxY)
  placed = placed.map((s) => s.map(([x, y]) => [x + ox, y + oy] as Pt))

  // The pen: sampled every 16 ms, slow at the ends of a stroke and fast in the middle.
  const tremor = distorted ? 1.6 : 0.6
  let t = 0
  const out = placed.map((s) => {
    const sampled = sample(s, rng, distorted, t, tremor)
    t = sampled[sampled.length - 1]!.t! + uniform(rng, 150, 500)
    return sampled
  })
  return { strokes: out, mistakes }
}

function dist(a: Pt, b: Pt): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1])
}

function sample(
  path: readonly Pt[],
  rng: () => number,
  distorted: boolean,
  t0: number,
  tremor: number,
): Point[] {
  const lengths = [0]
  for (let i = 1; i < path.length; i += 1) lengths.push(lengths[i - 1]! + dist(path[i - 1]!, path[i]!))
  const total = lengths[lengths.length - 1]!
  const at = (s: number): Pt => {
    let i = 1
    while (i < path.length - 1 && lengths[i]! < s) i += 1
    const span = lengths[i]! - lengths[i - 1]!
    const f = span > 0 ? (s - lengths[i - 1]!) / span : 0
    const a = path[i - 1]!
    const b = path[Math.min(i, path.length - 1)]!
    return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f]
  }
  // A wavering line: two slow waves across the stroke's direction.
  const waves = distorted
    ? [0, 1].map(() => ({
        amp: uniform(rng, 0, 5),
        freq: uniform(rng, 0.5, 2.5),
        phase: uniform(rng, 0, 6.3),
      }))
    : []
  const peak = uniform(rng, 0.6, 1.6) * (distorted ? uniform(rng, 0.6, 1.6) : 1)
  const uneven = distorted ? uniform(rng, 0, 0.6) : 0
  const points: Point[] = []
  let s = 0
  let t = t0
  for (let guard = 0; guard < 2000; guard += 1) {
    const u = total > 0 ? s / total : 1
    const [x, y] = at(s)
    const [ax, ay] = at(Math.min(total, s + 1))
    const [bx, by] = at(Math.max(0, s - 1))
    const len = Math.hypot(ax - bx, ay - by) || 1
    const nx = -(ay - by) / len
    const ny = (ax - bx) / len
    const wave = waves.reduce((a, w) => a + w.amp * Math.sin(w.freq * Math.PI * u + w.phase), 0)
    points.push({
      x: x + nx * wave + gauss(rng) * tremor,
      y: y + ny * wave + gauss(rng) * tremor,
      t: Math.round(t),
    })
    if (s >= total) break
    // px per 16 ms: 0.2 … 1 × peak of about 1 px/ms.
    const speed = peak * (0.2 + 0.8 * Math.sin(Math.PI * u) ** 0.7) * (1 + uneven * Math.sin(9 * u + t0))
    s = Math.min(total, s + Math.max(0.5, speed * 16))
    t += 16
  }
  return points
}
