/**
 * Tables out of the files districts have: CSV (UTF-8, with or without a byte-order mark, or GBK /
 * GB 18030 as Excel saves it on a Chinese Windows) and Excel workbooks (.xlsx, the first sheet).
 * The first row names the columns, in English or Chinese (see columns.ts); every cell comes out
 * as trimmed text, numbers without exponents and dates as YYYY-MM-DD.
 */
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { ImportFormat } from '@bangban/core/api'
import { AdminError } from '../admin/context'

export const MAX_ROWS = 50_000

export interface Table {
  readonly header: readonly string[]
  /** `row` is the spreadsheet's row number (the header is row 1). */
  readonly rows: ReadonlyArray<{ readonly row: number; readonly cells: readonly string[] }>
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

function readCsv(bytes: Buffer): string[][] {
  try {
    return parse(decode(bytes), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as string[][]
  } catch {
    throw new AdminError('ADMIN_INVALID', 'unreadableFile')
  }
}

/** A cell as text: what the spreadsheet shows, not how it stores it. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'number') {
    // 28.5 stays "28.5"; binary noise (28.499999999) is rounded away at 10 places.
    return String(Number(value.toFixed(10)))
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
  }
  return String(value)
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new AdminError('ADMIN_INVALID', 'unreadableFile')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new AdminError('ADMIN_INVALID', 'emptyFile')
  const out: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : []
    out[number - 1] = values.map((v) => cellText(v as ExcelJS.CellValue).trim())
  })
  return Array.from(out, (cells) => cells ?? [])
}

export async function readTable(bytes: Buffer, format: ImportFormat): Promise<Table> {
  const grid = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes)
  const [header, ...rest] = grid
  if (!header || header.every((h) => h === '')) throw new AdminError('ADMIN_INVALID', 'emptyFile')
  const rows = rest
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter(({ cells }) => cells.some((c) => c !== ''))
  if (rows.length === 0) throw new AdminError('ADMIN_INVALID', 'emptyFile')
  if (rows.length > MAX_ROWS) throw new AdminError('ADMIN_INVALID', 'tooManyRows', { value: MAX_ROWS })
  return { header: header.map((h) => h.trim()), rows }
}
