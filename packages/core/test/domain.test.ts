import fc from 'fast-check'
import {
  addDays,
  formatTicketNo,
  isLocalDate,
  isValidMobile,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  nextDays,
  normalizeMobile,
  parseTicketNo,
  shanghaiDate,
  shanghaiTime,
  shanghaiToInstant,
  ticketPrefixFor,
} from '../src/domain'

describe('masking', () => {
  it('masks ID numbers, phones and names as staff must see them', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110***********1234')
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X')
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskName('王小明')).toBe('王*明')
    expect(maskName('李四')).toBe('李*')
    expect(maskName('欧阳小明')).toBe('欧**明')
    expect(maskName('𠀋明')).toBe('𠀋*')
    expect(maskName('')).toBe('')
  })

  it('masks an address after its first number: the household is recognisable, the flat is not', () => {
    expect(maskAddress('幸福里小区 3 号楼 2 单元 501 室')).toBe('幸福里小区 3 号楼 * 单元 *** 室')
    expect(maskAddress('和平路12号院')).toBe('和平路12号院')
    expect(maskAddress('  幸福里 8 号 1201  ')).toBe('幸福里 8 号 ****')
    expect(maskAddress('')).toBe('')
  })

  it('property: a masked address keeps its length and shows only its first run of digits', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constantFrom('号楼', '单元', '室', ' ', '幸福里'), fc.stringMatching(/^\d{1,4}$/)),
        ),
        (parts) => {
          const address = parts.join('').trim()
          const masked = maskAddress(address)
          const runs = address.match(/\d+/g) ?? []
          return (
            masked.length === address.length &&
            (masked.match(/\d+/g) ?? []).join() === runs.slice(0, 1).join()
          )
        },
      ),
    )
  })

  it('property: a masked ID keeps its length and reveals at most 7 characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskIdNumber(id)
        return (
          masked.length === 18 && masked.replace(/\*/g, '').length === 7 && !masked.includes(id.slice(3, 14))
        )
      }),
    )
  })
})

describe('mobile numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['12812345678', null],
    ['1381234567', null],
    ['23812345678', null],
  ])('normalises %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected)
    expect(isValidMobile(input)).toBe(expected !== null)
  })
})

describe('Asia/Shanghai dates and times', () => {
  it('turns UTC instants into Shanghai days and times across midnight', () => {
    expect(shanghaiDate('2026-11-28T16:30:00Z')).toBe('2026-11-29')
    expect(shanghaiDate('2026-11-28T15:59:59Z')).toBe('2026-11-28')
    expect(shanghaiTime('2026-11-29T00:30:00Z')).toBe('08:30')
  })

  it('gives the same day for an instant as a number, a Date or a string (the fast path agrees with dayjs)', () => {
    // Around midnight in Shanghai, and across the years China kept daylight saving (1986–1991).
    const instants = fc.oneof(
      fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
      fc
        .integer({ min: 0, max: 365 * 60 })
        .map((d) => Date.UTC(1970, 0, 1) + d * 86_400_000 + 16 * 3_600_000 + (d % 3) - 1),
      fc.integer({ min: Date.UTC(1986, 0, 1), max: Date.UTC(1992, 0, 1) }),
    )
    fc.assert(
      fc.property(instants, (ms) => {
        const viaString = shanghaiDate(new Date(ms).toISOString())
        return shanghaiDate(ms) === viaString && shanghaiDate(new Date(ms)) === viaString
      }),
      { numRuns: 2000 },
    )
  })

  it('turns Shanghai wall-clock times into UTC instants', () => {
    expect(shanghaiToInstant('2026-11-29', '08:00')).toBe('2026-11-29T00:00:00.000Z')
    expect(shanghaiToInstant('2026-12-01', '00:30')).toBe('2026-11-30T16:30:00.000Z')
    expect(() => shanghaiToInstant('2026-02-30', '08:00')).toThrow(RangeError)
    expect(() => shanghaiToInstant('2026-11-29', '24:00')).toThrow(RangeError)
  })

  it('lists the next days and adds days over month ends', () => {
    expect(nextDays(3, '2026-11-29T20:00:00Z')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02'])
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(isLocalDate('2027-02-29')).toBe(false)
  })

  it('property: a Shanghai day and time round-trips through its UTC instant', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 1439 }),
        (day, minute) => {
          const date = shanghaiDate(day)
          const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
          const instant = shanghaiToInstant(date, time)
          return shanghaiDate(instant) === date && shanghaiTime(instant) === time
        },
      ),
    )
  })
})

describe('ticket numbers', () => {
  it('formats and parses', () => {
    expect(formatTicketNo('A', 12)).toBe('A012')
    expect(parseTicketNo('a012')).toEqual({ prefix: 'A', sequence: 12 })
    expect(parseTicketNo('A000')).toBeNull()
    expect(parseTicketNo('AB12')).toBeNull()
    expect(() => formatTicketNo('A', 1000)).toThrow(RangeError)
    expect(() => formatTicketNo('AA', 1)).toThrow(RangeError)
    expect(ticketPrefixFor(2)).toBe('C')
  })

  it('property: format and parse round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 1, max: 999 }), (q, n) => {
        const prefix = ticketPrefixFor(q)
        return (
          JSON.stringify(parseTicketNo(formatTicketNo(prefix, n))) === JSON.stringify({ prefix, sequence: n })
        )
      }),
    )
  })
})
