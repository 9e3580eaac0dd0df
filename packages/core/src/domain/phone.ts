/** Mainland China mobile numbers: 11 digits starting 13–19, optionally written with +86 / 86 and spaces or dashes. */
export function normalizeMobile(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '')
  return /^1[3-9]\d{9}$/.test(compact) ? compact : null
}

export function isValidMobile(input: string): boolean {
  return normalizeMobile(input) !== null
}
