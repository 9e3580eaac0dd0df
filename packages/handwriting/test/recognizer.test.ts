/**
 * The recogniser on the real data (made from the npm packages, as `pnpm handwriting:data` does) and
 * on a small fixed sample of the bench's test set: a floor that fails when recognition breaks, far
 * below what the bench measures (bench/RESULTS.md).
 */
import fc from 'fast-check'
import { buildStrokes } from '../scripts/build-data'
import { createRecognizer, type Recognizer } from '../src/recognizer'
import { writeSample } from '../testset'
import { evaluate } from '../testset/evaluate'

/** Characters of requests and addresses, a fixed sample. */
const SAMPLE = [
  ...'路灯不亮漏水楼单元室小区电梯故障停车噪音投诉维修社区街道号门口垃圾物业燃气暖气王李张刘陈杨黄赵一二三五八十百千',
]
const TRADITIONAL_SAMPLE = [...'燈漏樓單區電梯車噪訴維修']

let simplified: Recognizer
let traditional: Recognizer

beforeAll(() => {
  const data = buildStrokes()
  simplified = createRecognizer(data, { script: 'simplified' })
  traditional = createRecognizer(data, { script: 'traditional' })
})

describe('handwriting recogniser', () => {
  it('answers from the common simplified and traditional sets', () => {
    expect(simplified.size).toBeGreaterThanOrEqual(6000)
    expect(traditional.size).toBeGreaterThanOrEqual(5000)
  })

  it('recognises clean writing of the sample: the character among the first 5 (floor 95 %)', () => {
    const scores = evaluate(
      (s, n) => simplified.candidates(s, n),
      SAMPLE.map((c) => writeSample(c, 'simplified', 'clean')),
    )
    expect(scores.top5 / scores.count).toBeGreaterThanOrEqual(0.95)
  })

  it('recognises distorted writing (slant, 连笔, swapped and reversed strokes) of the sample (floor 85 %)', () => {
    const scores = evaluate(
      (s, n) => simplified.candidates(s, n),
      SAMPLE.map((c) => writeSample(c, 'simplified', 'distorted')),
    )
    expect(scores.top5 / scores.count).toBeGreaterThanOrEqual(0.85)
  })

  it('recognises traditional characters for zh-HK', () => {
    const scores = evaluate(
      (s, n) => traditional.candidates(s, n),
      TRADITIONAL_SAMPLE.map((c) => writeSample(c, 'traditional', 'clean')),
    )
    expect(scores.top5 / scores.count).toBeGreaterThanOrEqual(0.9)
    expect(
      traditional.candidates(writeSample('燈', 'traditional', 'clean').strokes).map((c) => c.char),
    ).not.toContain('灯')
  })

  it('gives at least 8 candidates, best first, after every stroke', () => {
    const { strokes } = writeSample('路', 'simplified', 'clean')
    for (let k = 1; k <= strokes.length; k += 1) {
      const candidates = simplified.candidates(strokes.slice(0, k), 8)
      expect(candidates).toHaveLength(8)
      expect(candidates.map((c) => c.score)).toEqual(
        [...candidates.map((c) => c.score)].sort((a, b) => a - b),
      )
    }
    expect(simplified.candidates([], 8)).toEqual([])
  })

  it('gives the same candidates wherever and however large the character is written', () => {
    const { strokes } = writeSample('灯', 'simplified', 'distorted')
    const expected = simplified.candidates(strokes, 8).map((c) => c.char)
    fc.assert(
      fc.property(
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        (dx, dy, k) => {
          const moved = strokes.map((s) => s.map((p) => ({ x: p.x * k + dx, y: p.y * k + dy, t: p.t })))
          expect(simplified.candidates(moved, 8).map((c) => c.char)).toEqual(expected)
        },
      ),
      { numRuns: 20 },
    )
  })
})
