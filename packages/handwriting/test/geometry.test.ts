import fc from 'fast-check'
import { boundingBox, normalize, resample, type Point } from '../src/geometry'

const point = fc.record({
  x: fc.double({ min: 0, max: 600, noNaN: true }),
  y: fc.double({ min: 0, max: 600, noNaN: true }),
})
const stroke = fc.array(point, { minLength: 1, maxLength: 12 })
/** Characters whose box is not a point (a single tap has no size to normalise). */
const strokes = fc.array(stroke, { minLength: 1, maxLength: 6 }).filter((s) => {
  const box = boundingBox(s)!
  return Math.max(box.x1 - box.x0, box.y1 - box.y0) > 1
})

const close = (a: Point[][], b: Point[][]) =>
  a.every((s, i) =>
    s.every((p, j) => Math.abs(p.x - b[i]![j]!.x) < 1e-9 && Math.abs(p.y - b[i]![j]!.y) < 1e-9),
  )

describe('stroke normalisation', () => {
  it('does not depend on where on the pad a character is written', () => {
    fc.assert(
      fc.property(
        strokes,
        fc.double({ min: -300, max: 300, noNaN: true }),
        fc.double({ min: -300, max: 300, noNaN: true }),
        (s, dx, dy) => {
          const moved = s.map((st) => st.map((p) => ({ x: p.x + dx, y: p.y + dy })))
          expect(close(normalize(moved), normalize(s))).toBe(true)
        },
      ),
    )
  })

  it('does not depend on how large it is written', () => {
    fc.assert(
      fc.property(strokes, fc.double({ min: 0.1, max: 10, noNaN: true }), (s, k) => {
        const scaled = s.map((st) => st.map((p) => ({ x: p.x * k, y: p.y * k })))
        expect(close(normalize(scaled), normalize(s))).toBe(true)
      }),
    )
  })

  it('fits the character in the unit box, centred, keeping its aspect', () => {
    fc.assert(
      fc.property(strokes, (s) => {
        const box = boundingBox(normalize(s))!
        expect(Math.max(box.x1 - box.x0, box.y1 - box.y0)).toBeCloseTo(1, 9)
        expect((box.x0 + box.x1) / 2).toBeCloseTo(0.5, 9)
        expect((box.y0 + box.y1) / 2).toBeCloseTo(0.5, 9)
        const before = boundingBox(s)!
        const ratio = (before.x1 - before.x0) / Math.max(before.x1 - before.x0, before.y1 - before.y0)
        expect(box.x1 - box.x0).toBeCloseTo(ratio, 9)
      }),
    )
  })
})

describe('resampling', () => {
  it('keeps the ends and spaces the points evenly along the path', () => {
    fc.assert(
      fc.property(stroke, fc.integer({ min: 2, max: 16 }), (s, count) => {
        const out = resample(s, count)
        expect(out).toHaveLength(2 * count)
        expect(out[0]).toBeCloseTo(s[0]!.x, 9)
        expect(out[1]).toBeCloseTo(s[0]!.y, 9)
        expect(out[2 * count - 2]).toBeCloseTo(s[s.length - 1]!.x, 6)
        expect(out[2 * count - 1]).toBeCloseTo(s[s.length - 1]!.y, 6)
      }),
    )
  })

  it('puts points on a straight line at equal steps, however unevenly the pen was sampled', () => {
    const line = [0, 1, 2, 10, 11, 40, 100].map((x) => ({ x, y: 2 * x }))
    const out = resample(line, 5)
    expect([...out].filter((_, i) => i % 2 === 0).map((x) => Math.round(x * 1e6) / 1e6)).toEqual([
      0, 25, 50, 75, 100,
    ])
  })

  it('gives a tap its one point', () => {
    expect([...resample([{ x: 3, y: 4 }], 3)]).toEqual([3, 4, 3, 4, 3, 4])
  })
})
