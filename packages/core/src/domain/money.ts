/**
 * Money is an integer number of fen (分) everywhere. Parsing reads the decimal string digit by
 * digit so no binary floating point ever touches an amount.
 */

export type Fen = number

/** Largest amount we accept: ¥10,000,000.00, far inside Number.MAX_SAFE_INTEGER. */
export const MAX_FEN: Fen = 1_000_000_000

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value)
}

/**
 * Parses "12", "12.5", "12.50", "¥12.50", "￥1,002.05", "-3.20" into fen. Returns null when the
 * text is not an amount of money (more than two decimals, stray characters, out of range).
 */
export function parseFen(input: string): Fen | null {
  const text = input.trim().replace(/^([-+]?)\s*[¥￥]\s*/, '$1')
  const match = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) return null
  const [, sign, yuanText, centText = ''] = match
  const yuan = Number(yuanText!.replace(/,/g, ''))
  const fen = yuan * 100 + Number(centText.padEnd(2, '0'))
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return null
  return sign === '-' ? -fen : fen
}

/** Sum of fen; throws rather than silently losing precision. */
export function sumFen(amounts: readonly Fen[]): Fen {
  let total = 0
  for (const amount of amounts) {
    if (!isFen(amount)) throw new TypeError(`not an amount in fen: ${String(amount)}`)
    total += amount
    if (!Number.isSafeInteger(total)) throw new RangeError('sum of fen out of range')
  }
  return total
}

/** Splits fen into its yuan and cent parts (for display and for reading aloud). */
export function splitFen(fen: Fen): { negative: boolean; yuan: number; jiao: number; fen: number } {
  if (!isFen(fen)) throw new TypeError(`not an amount in fen: ${String(fen)}`)
  const abs = Math.abs(fen)
  return { negative: fen < 0, yuan: Math.floor(abs / 100), jiao: Math.floor((abs % 100) / 10), fen: abs % 10 }
}

export interface FormatFenOptions {
  /** Show the ¥ sign (default true). */
  readonly symbol?: boolean
  /** Group thousands with commas (default false: elderly readers find "1002.05" as clear). */
  readonly grouping?: boolean
}

/** 1250 → "¥12.50"; -5 → "-¥0.05". */
export function formatFen(fen: Fen, options: FormatFenOptions = {}): string {
  const { negative, yuan, jiao, fen: cents } = splitFen(fen)
  const yuanText = options.grouping ? yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : yuan.toString()
  const symbol = options.symbol === false ? '' : '¥'
  return `${negative ? '-' : ''}${symbol}${yuanText}.${jiao}${cents}`
}
