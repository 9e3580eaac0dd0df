import fc from 'fast-check'
import { formatFen, MAX_FEN, parseFen, splitFen, sumFen } from '../src/domain/money'

describe('money in integer fen', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['¥12.50', 1250],
    ['￥12.50', 1250],
    [' ¥ 0.05 ', 5],
    ['1,002.05', 100205],
    ['-3.20', -320],
    ['0.1', 10],
    ['0.07', 7],
    ['19.99', 1999],
  ])('parses %s as %i fen', (text, fen) => {
    expect(parseFen(text)).toBe(fen)
  })

  it.each(['', 'abc', '12.345', '1.2.3', '12,34.00', '¥', '1e3', '0x10', '12.', '.5', 'NaN', '99999999999'])(
    'refuses %s',
    (text) => {
      expect(parseFen(text)).toBeNull()
    },
  )

  it('formats', () => {
    expect(formatFen(1250)).toBe('¥12.50')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(0)).toBe('¥0.00')
    expect(formatFen(-5)).toBe('-¥0.05')
    expect(formatFen(100205, { grouping: true })).toBe('¥1,002.05')
    expect(formatFen(2000, { symbol: false })).toBe('20.00')
  })

  it('refuses non-integer fen', () => {
    expect(() => formatFen(12.5)).toThrow(TypeError)
    expect(() => sumFen([1, 0.1])).toThrow(TypeError)
  })

  it('splits into yuan, jiao and fen', () => {
    expect(splitFen(100205)).toEqual({ negative: false, yuan: 1002, jiao: 0, fen: 5 })
  })

  const amount = fc.integer({ min: -MAX_FEN, max: MAX_FEN })

  it('property: format then parse round-trips, with and without grouping', () => {
    fc.assert(
      fc.property(amount, fc.boolean(), (fen, grouping) => parseFen(formatFen(fen, { grouping })) === fen),
    )
  })

  it('property: parse then format round-trips canonical decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
        const text = `${yuan}.${cents.toString().padStart(2, '0')}`
        return formatFen(parseFen(text)!, { symbol: false }) === text
      }),
    )
  })

  it('property: sums of fen never drift (equal to the BigInt sum, in any order)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: MAX_FEN }), { maxLength: 200 }), (amounts) => {
        const exact = amounts.reduce((sum, a) => sum + BigInt(a), 0n)
        const reversed = [...amounts].reverse()
        return BigInt(sumFen(amounts)) === exact && sumFen(reversed) === sumFen(amounts)
      }),
    )
  })

  it('property: the sum of parsed decimal amounts equals the parse of their decimal sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 50 }), (fens) => {
        const texts = fens.map((f) => formatFen(f))
        return sumFen(texts.map((t) => parseFen(t)!)) === fens.reduce((a, b) => a + b, 0)
      }),
    )
  })
})
