import fc from 'fast-check'
import { idCheckChar, isValidIdNumber, parseIdNumber } from '../src/domain/idNumber'

const TODAY = '2026-11-29'

/** Generates valid ID numbers: a real province, a real birth date, any sequence, the right check char. */
const validIdNumber = fc
  .record({
    province: fc.constantFrom('11', '12', '31', '32', '44', '51', '65', '81'),
    rest: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2026-11-28T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, birth, sequence }) => {
    const first17 =
      province +
      rest.toString().padStart(4, '0') +
      birth.toISOString().slice(0, 10).replace(/-/g, '') +
      sequence.toString().padStart(3, '0')
    return first17 + idCheckChar(first17)
  })

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts the known valid vector and reads sex and birth date', () => {
    const result = parseIdNumber('11010519491231002X', TODAY)
    expect(result).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    })
  })

  it('rejects the known invalid vector for its checksum', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'checksum' })
  })

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(isValidIdNumber(' 11010519491231002x ', TODAY)).toBe(true)
  })

  it.each([
    ['1101051949123100', 'format'],
    ['11010519491231002Y', 'format'],
    ['11010519491231002XX', 'format'],
    ['99010519491231002X', 'region'],
    ['00010519491231002X', 'region'],
    ['110105194902300021', 'birthDate'],
    ['110105187901010021', 'birthDate'],
    ['110105202712010021', 'birthDate'],
  ])('rejects %s (%s)', (input, problem) => {
    const result = parseIdNumber(input, TODAY)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem).toBe(problem)
  })

  it('reads an odd sequence digit as male', () => {
    const first17 = '31010119800101001'
    const result = parseIdNumber(first17 + idCheckChar(first17), TODAY)
    expect(result.ok && result.value.sex).toBe('male')
  })

  it('property: every generated valid number validates', () => {
    fc.assert(fc.property(validIdNumber, (id) => isValidIdNumber(id, TODAY)))
  })

  it('property: every single-character change of a valid number fails', () => {
    const alphabet = '0123456789X'.split('')
    fc.assert(
      fc.property(
        validIdNumber,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...alphabet),
        (id, position, replacement) => {
          fc.pre(id[position] !== replacement)
          const changed = id.slice(0, position) + replacement + id.slice(position + 1)
          return !isValidIdNumber(changed, TODAY)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('property: ISO 7064 MOD 11-2 — the weighted sum including the check value is 1 mod 11', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2, 1]
        const values = id.split('').map((c) => (c === 'X' ? 10 : Number(c)))
        return values.reduce((sum, v, i) => sum + v * weights[i]!, 0) % 11 === 1
      }),
    )
  })
})
