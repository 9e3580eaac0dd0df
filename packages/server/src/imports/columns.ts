/**
 * What the columns of an import are called (English keys, or the Chinese headings districts and
 * billers use) and how a cell's text becomes a value: bill kinds in either language, amounts in
 * yuan to fen without floating point, dates as Excel and Chinese Windows write them.
 */
import type { BillKind } from '@bangban/core/api'
import { isLocalDate } from '@bangban/core/domain'

export const ACCOUNT_COLUMNS = {
  accountNo: ['account_no', '户号', '账户号', '用户编号'],
  kind: ['kind', '类别', '费用类别', '类型'],
  holderName: ['holder_name', '户名', '户主'],
  address: ['address', '地址', '住址'],
  holderIdNumber: ['holder_id_number', '户主身份证号', '身份证号'],
} as const
export const ACCOUNT_REQUIRED = ['accountNo', 'kind', 'holderName', 'address'] as const

export const BILL_COLUMNS = {
  billNo: ['bill_no', '账单号', '账单编号'],
  accountNo: ['account_no', '户号', '账户号', '用户编号'],
  kind: ['kind', '类别', '费用类别', '类型'],
  period: ['period', '账期', '费用期间', '就诊日期'],
  dueDate: ['due_date', '缴费截止日', '截止日期', '到期日'],
  item: ['item', '明细', '收费项目', '项目'],
  amount: ['amount', '金额', '金额（元）', '金额(元)'],
  idNumber: ['id_number', '身份证号', '证件号码'],
  name: ['name', '姓名'],
} as const
export const BILL_REQUIRED = ['billNo', 'period', 'dueDate', 'item', 'amount'] as const

const normalise = (heading: string) => heading.replace(/\s+/g, '').toLowerCase()

/** Where each known column is in the header; the headings of the required ones that are missing. */
export function locateColumns<K extends string>(
  header: readonly string[],
  columns: Readonly<Record<K, readonly string[]>>,
  required: readonly NoInfer<K>[],
): { at: Partial<Record<K, number>>; missing: string[] } {
  const at: Partial<Record<K, number>> = {}
  const headings = header.map(normalise)
  for (const key of Object.keys(columns) as K[]) {
    const index = headings.findIndex((h) => columns[key].some((name) => normalise(name) === h))
    if (index >= 0) at[key] = index
  }
  const missing = required
    .filter((key) => at[key] === undefined)
    .map((key) => `${columns[key][0]} / ${columns[key][1]}`)
  return { at, missing }
}

const KIND_WORDS: Record<string, BillKind> = {
  water: 'water',
  水: 'water',
  水费: 'water',
  自来水: 'water',
  electricity: 'electricity',
  电: 'electricity',
  电费: 'electricity',
  gas: 'gas',
  燃气: 'gas',
  燃气费: 'gas',
  煤气: 'gas',
  天然气: 'gas',
  property: 'property',
  物业: 'property',
  物业费: 'property',
  medical: 'medical',
  医疗: 'medical',
  医疗费: 'medical',
}

export function billKindOf(text: string): BillKind | null {
  return KIND_WORDS[text.trim().toLowerCase()] ?? null
}

/** "2026-12-28", "2026/12/28", "2026.12.28", "2026年12月28日", "20261228" → 2026-12-28. */
export function localDateOf(text: string): string | null {
  const match = /^(\d{4})(?:[-/.年])?(\d{1,2})(?:[-/.月])?(\d{1,2})日?$/.exec(text.trim())
  if (!match) return null
  const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`
  return isLocalDate(date) ? date : null
}

/** A month (2026-11, 2026/11, 2026年11月) or a day (a clinic visit). */
export function periodOf(text: string): string | null {
  const month = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text.trim())
  if (month) {
    const m = Number(month[2])
    return m >= 1 && m <= 12 ? `${month[1]}-${String(m).padStart(2, '0')}` : null
  }
  return localDateOf(text)
}

export const ACCOUNT_NO = /^[A-Z0-9]{4,32}$/
export const accountNoOf = (text: string) => {
  const value = text.replace(/\s+/g, '').toUpperCase()
  return ACCOUNT_NO.test(value) ? value : null
}
