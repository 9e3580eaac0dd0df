/**
 * The ESC/POS bytes of a ticket and a payment receipt, on 58 and 80 mm paper, against committed
 * golden files (test/golden/*.bin). After an intended change of layout, regenerate them with
 * `UPDATE_GOLDEN=1 npx jest packages/kiosk/test/devices/escposGolden` and print one to check.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { columns, gb18030, qrCode } from '../../electron/devices/printer/escpos'
import { labelValue, receiptBytes, wrap } from '../../electron/devices/printer/layout'
import { PAYMENT, TICKET } from '../support/receipts'

const GOLDEN = join(__dirname, '../golden')

function indexOf(haystack: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

describe.each([
  ['ticket', TICKET],
  ['payment', PAYMENT],
] as const)('the %s receipt', (name, receipt) => {
  it.each([58, 80] as const)('matches its golden file on %i mm paper', (paper) => {
    const bytes = receiptBytes(receipt, paper)
    const file = join(GOLDEN, `${name}-${paper}mm.bin`)
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, bytes)
    expect(existsSync(file)).toBe(true)
    expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true)
  })

  it('starts with reset and Chinese mode, has the title in GB18030, and ends with feed and cut', () => {
    const bytes = receiptBytes(receipt, 80)
    expect([...bytes.slice(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26])
    expect(indexOf(bytes, [...iconv.encode(receipt.title, 'gb18030')])).toBeGreaterThan(0)
    expect([...bytes.slice(-7)]).toEqual([0x1b, 0x64, 3, 0x1d, 0x56, 0x42, 3])
  })
})

describe('ESC/POS pieces', () => {
  it('encodes the QR code of the ticket with GS ( k: model 2, size, level M, stored length, print', () => {
    const bytes = Uint8Array.from(receiptBytes(TICKET, 58))
    const data = [...Buffer.from(TICKET.qr!, 'utf8')]
    const store = [
      0x1d,
      0x28,
      0x6b,
      (data.length + 3) & 0xff,
      (data.length + 3) >> 8,
      0x31,
      0x50,
      0x30,
      ...data,
    ]
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00])).toBeGreaterThan(0)
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 6])).toBeGreaterThan(0)
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 49])).toBeGreaterThan(0)
    expect(indexOf(bytes, store)).toBeGreaterThan(0)
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30])).toBeGreaterThan(
      indexOf(bytes, store),
    )
    // the payment receipt has no QR code
    expect(indexOf(receiptBytes(PAYMENT, 58), [0x1d, 0x28, 0x6b])).toBe(-1)
  })

  it('puts long QR data lengths in two bytes', () => {
    const long = 'x'.repeat(300)
    const bytes = Uint8Array.from(qrCode(long, 8))
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 303 & 0xff, 303 >> 8, 0x31, 0x50, 0x30])).toBeGreaterThan(0)
  })

  it('prints the yuan sign as the two-byte full-width form the printer fonts have', () => {
    expect(gb18030('¥36.50')).toEqual([0xa3, 0xa4, ...Buffer.from('36.50')])
    expect(gb18030('王')).toEqual([0xcd, 0xf5])
  })

  it('counts Chinese as two columns and wraps without splitting a character', () => {
    expect(columns('A012')).toBe(4)
    expect(columns('幸福里')).toBe(6)
    expect(wrap('幸福里社区卫生服务中心', 8)).toEqual(['幸福里社', '区卫生服', '务中心'])
    expect(wrap('abc def', 4)).toEqual(['abc', 'def'])
  })

  it('lays a label and its value on one line when they fit, else the value below, indented', () => {
    expect(labelValue('科室', '全科', 32)).toEqual(['科室' + ' '.repeat(24) + '全科'])
    const lines = labelValue('地点', '幸福里社区卫生服务中心', 20)
    expect(lines[0]).toBe('地点')
    expect(lines.slice(1).every((line) => line.startsWith('  ') && columns(line) <= 20)).toBe(true)
    expect(lines.slice(1).join('').replace(/ /g, '')).toBe('幸福里社区卫生服务中心')
  })

  it('keeps every printed line within the paper width', () => {
    for (const paper of [58, 80] as const) {
      const width = paper === 58 ? 32 : 48
      for (const { label, value } of [...TICKET.lines, ...PAYMENT.lines])
        for (const line of labelValue(label, value, width)) expect(columns(line)).toBeLessThanOrEqual(width)
    }
  })
})
