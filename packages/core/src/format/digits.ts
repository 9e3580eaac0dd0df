/** Groups digits for reading, e.g. [3, 4, 4] turns a mobile number into 138 1234 5678. */
export function grouped(value: string, grouping: readonly number[] | undefined): string {
  if (!grouping) return value
  const parts: string[] = []
  let rest = value
  for (const size of grouping) {
    if (!rest) break
    parts.push(rest.slice(0, size))
    rest = rest.slice(size)
  }
  if (rest) parts.push(rest)
  return parts.join(' ')
}

/** 13812345678 → 138****5678 while typing too: the first 3 and (once there) the last 4 show. */
export function maskDigits(value: string): string {
  if (value.length <= 3) return value
  const tail = value.length >= 11 ? value.slice(-4) : ''
  return value.slice(0, 3) + '*'.repeat(value.length - 3 - tail.length) + tail
}
