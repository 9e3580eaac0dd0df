import { shanghaiDate } from './time'

/**
 * Resident identity numbers (居民身份证号码) per GB 11643-1999:
 * 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male), and an
 * ISO 7064 MOD 11-2 check character (0-9 or X).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'

/**
 * Province-level prefixes of GB/T 2260. Only the province is checked: county codes have been
 * renumbered many times, and residents keep the number they were issued under an older code.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
])

export type IdNumberProblem = 'format' | 'region' | 'birthDate' | 'checksum'

export interface IdNumberInfo {
  /** Normalised: upper-case X. */
  readonly idNumber: string
  readonly regionCode: string
  /** YYYY-MM-DD */
  readonly birthDate: string
  readonly sex: 'male' | 'female'
}

export type IdNumberResult =
  | { readonly ok: true; readonly value: IdNumberInfo }
  | { readonly ok: false; readonly problem: IdNumberProblem }

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckChar needs exactly 17 digits')
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/**
 * Checks a resident ID number. `today` (YYYY-MM-DD, Asia/Shanghai) bounds the birth date;
 * it is a parameter so the rule stays pure and testable.
 */
export function parseIdNumber(input: string, today: string = shanghaiDate()): IdNumberResult {
  const idNumber = input.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'format' }
  if (!PROVINCE_CODES.has(idNumber.slice(0, 2))) return { ok: false, problem: 'region' }
  const year = Number(idNumber.slice(6, 10))
  const month = Number(idNumber.slice(10, 12))
  const day = Number(idNumber.slice(12, 14))
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
  if (year < 1880 || !isRealDate(year, month, day) || birthDate > today) {
    return { ok: false, problem: 'birthDate' }
  }
  if (idCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: 'checksum' }
  return {
    ok: true,
    value: {
      idNumber,
      regionCode: idNumber.slice(0, 6),
      birthDate,
      sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
    },
  }
}

export function isValidIdNumber(input: string, today?: string): boolean {
  return parseIdNumber(input, today).ok
}
