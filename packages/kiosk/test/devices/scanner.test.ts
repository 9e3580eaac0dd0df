/** The QR scanner: keyboard-wedge bursts told from typing by generated key timings, and serial lines. */
import { keyboardScanner } from '../../electron/devices/scanner/keyboardScanner'
import { lineSplitter } from '../../electron/devices/scanner/serialScanner'
import { wedgeDecoder, type KeyVerdict } from '../../electron/devices/scanner/wedge'

const OPTIONS = { maxKeyGapMs: 30, minLength: 4 }

/** Key events for a text typed with the given gaps (ms), then Enter. */
function keys(text: string, gap: (i: number) => number, start = 1000): Array<[string, number]> {
  let at = start
  const out: Array<[string, number]> = []
  for (const [i, char] of [...text, 'Enter'].entries()) {
    at += i === 0 ? 0 : gap(i)
    out.push([[...text].length === i ? 'Enter' : char, at])
  }
  return out
}

/** A seeded pseudo-random source, so generated timings repeat. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed / 2 ** 31
  }
}

function feed(events: Array<[string, number]>) {
  const scans: string[] = []
  const decoder = wedgeDecoder(OPTIONS, (text) => scans.push(text))
  const verdicts: KeyVerdict[] = events.map(([key, at]) => decoder.key(key, at))
  return { scans, verdicts }
}

describe('the keyboard wedge', () => {
  it('reads scanner bursts (keys 2–25 ms apart, ending in Enter)', () => {
    const rnd = random(7)
    for (let n = 0; n < 200; n++) {
      const code = `BB:T:${Math.floor(rnd() * 1e9)
        .toString(36)
        .toUpperCase()}`
      const { scans, verdicts } = feed(keys(code, () => 2 + rnd() * 23))
      expect(scans).toEqual([code])
      // the Enter that ends the scan never reaches the page
      expect(verdicts.at(-1)).toBe('swallow')
    }
  })

  it('does not take people typing (keys 80–400 ms apart) for a scan', () => {
    const rnd = random(11)
    for (let n = 0; n < 200; n++) {
      const { scans, verdicts } = feed(keys('13912345678', () => 80 + rnd() * 320))
      expect(scans).toEqual([])
      expect(verdicts.every((v) => v === 'pass')).toBe(true)
    }
  })

  it('does not take a fast pair of keys followed by a slow Enter for a scan', () => {
    const events = keys('12345', (i) => (i < 5 ? 10 : 300))
    expect(feed(events).scans).toEqual([])
  })

  it('ignores a burst shorter than the minimum, and one broken by a slow key', () => {
    expect(feed(keys('abc', () => 5)).scans).toEqual([])
    expect(feed(keys('ABCDEFGH', (i) => (i === 4 ? 200 : 5))).scans).toEqual(['EFGH'])
  })

  it('reads capitals typed with Shift, and keeps the keys of a sure scan from the page', () => {
    const events: Array<[string, number]> = []
    let at = 0
    for (const char of 'AB12CD') {
      if (/[A-Z]/.test(char)) events.push(['Shift', (at += 3)])
      events.push([char, (at += 3)])
    }
    events.push(['Enter', (at += 3)])
    const { scans, verdicts } = feed(events)
    expect(scans).toEqual(['AB12CD'])
    const charVerdicts = events.map(([k], i) => [k, verdicts[i]]).filter(([k]) => k !== 'Shift')
    expect(charVerdicts).toEqual([
      ['A', 'pass'],
      ['B', 'pass'],
      ['1', 'pass'],
      ['2', 'pass'],
      ['C', 'swallow'],
      ['D', 'swallow'],
      ['Enter', 'swallow'],
    ])
  })

  it('reads two scans in a row, and forgets a half-read code on reset', () => {
    const scans: string[] = []
    const decoder = wedgeDecoder(OPTIONS, (text) => scans.push(text))
    for (const [k, at] of [...keys('FIRST1', () => 5, 0), ...keys('SECOND', () => 5, 500)]) decoder.key(k, at)
    expect(scans).toEqual(['FIRST1', 'SECOND'])
    for (const [k, at] of keys('HALF', () => 5, 2000).slice(0, 3)) decoder.key(k, at)
    decoder.reset()
    decoder.key('Enter', 2016)
    expect(scans).toHaveLength(2)
  })

  it('warns staff once when a Chinese input method swallows the letters', () => {
    const log = jest.fn()
    const scanner = keyboardScanner(OPTIONS, log)
    const scans: string[] = []
    scanner.start((text) => scans.push(text))
    for (let i = 0; i < 10; i++) scanner.onKeyDown('Process', 1000 + i * 5)
    scanner.onKeyDown('Enter', 1060)
    expect(scans).toEqual([])
    expect(log.mock.calls).toEqual([['qr-scanner-ime-active']])
  })

  it('passes every key through when nobody listens', () => {
    const scanner = keyboardScanner(OPTIONS, jest.fn())
    expect(keys('ABCDEFG', () => 5).map(([k, at]) => scanner.onKeyDown(k, at))).toEqual(Array(8).fill('pass'))
  })
})

describe('the serial scanner', () => {
  it('splits the byte stream into codes at CR, LF or CRLF, across chunks', () => {
    const lines: string[] = []
    const splitter = lineSplitter((line) => lines.push(line))
    splitter.push(Buffer.from('BB:T:A0'))
    splitter.push(Buffer.from('12\r\nhttps://x.example/p?q=1\r'))
    splitter.push(Buffer.from('\n\nLAST\n'))
    expect(lines).toEqual(['BB:T:A012', 'https://x.example/p?q=1', 'LAST'])
  })

  it('drops a runaway line without an end', () => {
    const lines: string[] = []
    const splitter = lineSplitter((line) => lines.push(line))
    splitter.push(Buffer.from('x'.repeat(5000)))
    splitter.push(Buffer.from('OK\n'))
    expect(lines).toEqual(['OK'])
  })
})
