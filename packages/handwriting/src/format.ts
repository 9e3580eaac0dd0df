/**
 * The recogniser's data file (`strokes.bin`): every candidate character with its stroke medians,
 * in order of frequency, made by `scripts/build-data.ts` from the npm data and loaded by the kiosk
 * the first time the pad opens.
 *
 *   "BBHW" | version u8 | count u32 | chars' UTF-8 byte length u32 | chars (UTF-8, one code point
 *   each) | flags u8 × count (1 simplified set, 2 traditional set) | per char: strokes u8, per
 *   stroke: points u8, then x u8, y u8 per point
 *
 * Coordinates are Make Me a Hanzi's 1024 box (y down) divided by 4: one step is 0.4 % of the box,
 * well below what a finger draws.
 */

export const FORMAT_VERSION = 1
const MAGIC = [0x42, 0x42, 0x48, 0x57] // BBHW

export const SIMPLIFIED = 1
export const TRADITIONAL = 2

/** A character as stored: strokes of [x, y] points, 0–255, y down. */
export interface StoredChar {
  readonly char: string
  /** SIMPLIFIED | TRADITIONAL: which script's candidate set it belongs to (both when shared). */
  readonly flags: number
  readonly strokes: ReadonlyArray<ReadonlyArray<readonly [number, number]>>
}

export function encodeCharacters(chars: readonly StoredChar[]): Uint8Array {
  const text = new TextEncoder().encode(chars.map((c) => c.char).join(''))
  const body: number[] = []
  for (const c of chars) {
    if (c.strokes.length > 255) throw new Error(`${c.char}: too many strokes`)
    body.push(c.strokes.length)
    for (const stroke of c.strokes) {
      if (stroke.length === 0 || stroke.length > 255) throw new Error(`${c.char}: bad stroke`)
      body.push(stroke.length)
      for (const [x, y] of stroke) body.push(clampByte(x), clampByte(y))
    }
  }
  const out = new Uint8Array(4 + 1 + 4 + 4 + text.length + chars.length + body.length)
  const view = new DataView(out.buffer)
  out.set(MAGIC, 0)
  out[4] = FORMAT_VERSION
  view.setUint32(5, chars.length, true)
  view.setUint32(9, text.length, true)
  out.set(text, 13)
  let at = 13 + text.length
  for (const c of chars) out[at++] = c.flags
  out.set(body, at)
  return out
}

/**
 * The file read in place: where each character's strokes and each stroke's points are in `bytes`,
 * without making an object per point (the recogniser prepares ~7,000 characters at once).
 */
export interface FlatCharacters {
  readonly bytes: Uint8Array
  readonly chars: string[]
  readonly flags: Uint8Array
  /** Character i's strokes are strokes firstStroke[i] … firstStroke[i + 1] − 1. */
  readonly firstStroke: Uint32Array
  /** Stroke s's points are at bytes[pointsAt[s]] (x, y pairs), pointCount[s] of them. */
  readonly pointsAt: Uint32Array
  readonly pointCount: Uint8Array
}

export function decodeFlat(bytes: Uint8Array): FlatCharacters {
  if (MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('not a handwriting data file')
  if (bytes[4] !== FORMAT_VERSION)
    throw new Error(`handwriting data version ${bytes[4]}, expected ${FORMAT_VERSION}`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = view.getUint32(5, true)
  const textLength = view.getUint32(9, true)
  const chars = [...new TextDecoder().decode(bytes.subarray(13, 13 + textLength))]
  if (chars.length !== count) throw new Error('handwriting data: character count mismatch')
  let at = 13 + textLength
  const flags = bytes.slice(at, at + count)
  at += count
  const firstStroke = new Uint32Array(count + 1)
  const pointsAt: number[] = []
  const pointCount: number[] = []
  for (let i = 0; i < count; i += 1) {
    firstStroke[i] = pointsAt.length
    const strokeCount = bytes[at++]!
    for (let s = 0; s < strokeCount; s += 1) {
      const points = bytes[at++]!
      pointsAt.push(at)
      pointCount.push(points)
      at += 2 * points
    }
  }
  firstStroke[count] = pointsAt.length
  if (at !== bytes.length) throw new Error('handwriting data: trailing bytes')
  return {
    bytes,
    chars,
    flags,
    firstStroke,
    pointsAt: Uint32Array.from(pointsAt),
    pointCount: Uint8Array.from(pointCount),
  }
}

/** Every character as plain objects (for tests and tools; the recogniser reads decodeFlat's view). */
export function decodeCharacters(bytes: Uint8Array): StoredChar[] {
  const flat = decodeFlat(bytes)
  return flat.chars.map((char, i) => {
    const strokes: Array<Array<[number, number]>> = []
    for (let s = flat.firstStroke[i]!; s < flat.firstStroke[i + 1]!; s += 1) {
      const points: Array<[number, number]> = []
      for (let p = 0; p < flat.pointCount[s]!; p += 1)
        points.push([bytes[flat.pointsAt[s]! + 2 * p]!, bytes[flat.pointsAt[s]! + 2 * p + 1]!])
      strokes.push(points)
    }
    return { char, flags: flat.flags[i]!, strokes }
  })
}

function clampByte(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)))
}
