/**
 * The ESC/POS commands our receipts use, as bytes (Epson's command reference; the same commands
 * the Chinese thermal printers in kiosks implement). Text is encoded in GB18030, the national
 * standard encoding these printers' Chinese fonts use.
 */
import iconv from 'iconv-lite'

const ESC = 0x1b
const GS = 0x1d
const FS = 0x1c
const LF = 0x0a

export type Align = 'left' | 'center' | 'right'

export const escpos = {
  /** ESC @: reset modes left over from an earlier job. */
  init: () => [ESC, 0x40],
  /** FS &: two-byte (Chinese) character mode, so GB18030 text prints as Chinese. */
  chineseMode: () => [FS, 0x26],
  /** ESC a n */
  align: (align: Align) => [ESC, 0x61, align === 'left' ? 0 : align === 'center' ? 1 : 2],
  /** ESC E n */
  bold: (on: boolean) => [ESC, 0x45, on ? 1 : 0],
  /** GS ! n: width and height multipliers 1–8. */
  size: (width: number, height: number) => [GS, 0x21, ((width - 1) << 4) | (height - 1)],
  /** ESC d n: print and feed n lines. */
  feed: (lines: number) => [ESC, 0x64, lines],
  newline: () => [LF],
  /** GS V 66 n: feed to the cutter (plus n) and cut, leaving a hinge (partial cut). */
  cut: () => [GS, 0x56, 0x42, 0x03],
} as const

/** GS ( k: a QR code (model 2), stored then printed. */
export function qrCode(
  data: string,
  moduleSize: number,
  errorCorrection: 'L' | 'M' | 'Q' | 'H' = 'M',
): number[] {
  const bytes = [...Buffer.from(data, 'utf8')]
  const storeLength = bytes.length + 3
  const level = { L: 48, M: 49, Q: 50, H: 51 }[errorCorrection]
  // prettier-ignore
  return [
    // fn 165: model 2
    GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,
    // fn 167: module size in dots
    GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleSize,
    // fn 169: error correction level
    GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, level,
    // fn 180: store the data
    GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30, ...bytes,
    // fn 181: print it
    GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30,
  ]
}

/**
 * Characters our texts use that GB18030 has only as four-byte codes, which the printers' fonts lack,
 * replaced by the two-byte forms they print.
 */
const PRINTABLE: Record<string, string> = { '¥': '￥', '\u00a0': ' ' }

export function gb18030(text: string): number[] {
  const printable = [...text].map((char) => PRINTABLE[char] ?? char).join('')
  return [...iconv.encode(printable, 'gb18030')]
}

/** Columns a character takes on a thermal printer: one for ASCII, two for Chinese (and others). */
export function columns(text: string): number {
  let width = 0
  for (const char of text) width += (PRINTABLE[char] ?? char).charCodeAt(0) < 0x80 ? 1 : 2
  return width
}
