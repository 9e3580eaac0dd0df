/** Masking for anything staff or logs might see: keep just enough to recognise, never enough to reuse. */

/** 11010519491231002X → 110***********002X (first 3 and last 4 kept). */
export function maskIdNumber(idNumber: string): string {
  const id = idNumber.trim()
  if (id.length <= 7) return '*'.repeat(id.length)
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.trim()
  if (digits.length <= 7) return '*'.repeat(digits.length)
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`
}

/** 王小明 → 王*明, 李四 → 李*, 欧阳小明 → 欧**明; works on code points so CJK extension characters stay whole. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  if (chars.length === 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/**
 * 幸福里小区 3 号楼 2 单元 501 室 → 幸福里小区 3 号楼 * 单元 *** 室: the place and the first number
 * (the building) stay, so residents recognise their household; every later number (unit, floor,
 * room) is starred, so an account number typed by anyone does not give away where someone lives.
 */
export function maskAddress(address: string): string {
  let seen = 0
  return address
    .trim()
    .replace(/[0-9０-９]+/g, (digits) => (seen++ === 0 ? digits : '*'.repeat(digits.length)))
}
