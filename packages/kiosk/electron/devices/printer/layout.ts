/**
 * Lays a receipt out for a 58 or 80 mm thermal printer: the title and the highlight (a ticket
 * number or an amount) large and centred, label–value lines, the QR code, then the cut.
 */
import type { Receipt } from '@bangban/shared/platform/Platform'
import { columns, escpos, gb18030, qrCode } from './escpos'

export type PaperWidth = 58 | 80

/** Characters per line in the printer's standard 12×24 font: 384 and 576 dots wide. */
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 }
const QR_MODULE: Record<PaperWidth, number> = { 58: 6, 80: 8 }

/** Splits text into lines of at most `width` columns, never inside a character. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const char of text) {
    if (char === '\n') {
      lines.push(line)
      line = ''
      continue
    }
    if (columns(line + char) > width) {
      lines.push(line.trimEnd())
      line = char === ' ' ? '' : char
    } else line += char
  }
  lines.push(line)
  return lines
}

/** A label on the left and its value on the right; a long value goes on its own lines. */
export function labelValue(label: string, value: string, width: number): string[] {
  const gap = width - columns(label) - columns(value)
  if (gap >= 1) return [label + ' '.repeat(gap) + value]
  return [...wrap(label, width), ...wrap(value, width - 2).map((part) => '  ' + part)]
}

export function receiptBytes(receipt: Receipt, paper: PaperWidth): Uint8Array {
  const width = COLUMNS[paper]
  const out: number[] = [...escpos.init(), ...escpos.chineseMode()]
  const text = (line: string) => out.push(...gb18030(line), ...escpos.newline())

  out.push(...escpos.align('center'), ...escpos.bold(true), ...escpos.size(1, 2))
  wrap(receipt.title, width).forEach(text)
  out.push(...escpos.size(1, 1), ...escpos.bold(false))
  if (receipt.highlight) {
    out.push(...escpos.newline(), ...escpos.size(2, 2), ...escpos.bold(true))
    wrap(receipt.highlight, Math.floor(width / 2)).forEach(text)
    out.push(...escpos.size(1, 1), ...escpos.bold(false))
  }
  out.push(...escpos.align('left'))
  text('-'.repeat(width))
  for (const { label, value } of receipt.lines) labelValue(label, value, width).forEach(text)
  text('-'.repeat(width))
  if (receipt.qr) {
    out.push(...escpos.align('center'), ...qrCode(receipt.qr, QR_MODULE[paper]), ...escpos.newline())
    out.push(...escpos.align('left'))
  }
  out.push(...escpos.feed(3), ...escpos.cut())
  return Uint8Array.from(out)
}
