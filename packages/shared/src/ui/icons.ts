/**
 * Line icons drawn for large sizes, as SVG data URLs: they render the same on every kiosk and in
 * the mini-program, where colour-emoji fonts differ or are missing. Decorative only: every icon
 * sits beside its text label.
 */
import { colors } from '@bangban/core/theme/tokens'

const PATHS = {
  // A calendar with a cross: clinic appointments.
  book: '<rect x="8" y="12" width="48" height="44" rx="6"/><path d="M8 24h48M20 6v12M44 6v12M32 31v18M23 40h18"/>',
  // A bill with a coin: paying fees.
  pay: '<path d="M14 6h30l8 8v44H14z"/><path d="M22 22h22M22 31h22M22 40h12"/><circle cx="44" cy="46" r="9"/><path d="M44 41v10M40 46h8"/>',
  // A speech bubble with a wrench: reporting a problem.
  request: '<path d="M8 12h48v32H28l-12 12V44H8z"/><path d="M24 36l12-12M38 20a5 5 0 1 0 2 2"/>',
  // A clipboard with lines: my records.
  records:
    '<rect x="12" y="10" width="40" height="48" rx="5"/><path d="M24 6h16v8H24zM20 26h24M20 35h24M20 44h16"/>',
  speaker:
    '<path d="M10 24h10l14-12v40L20 40H10z"/><path d="M42 22a14 14 0 0 1 0 20M48 16a22 22 0 0 1 0 32"/>',
  helper:
    '<circle cx="32" cy="18" r="9"/><path d="M14 56c0-12 8-20 18-20s18 8 18 20"/><path d="M48 8v12M44 12h8"/>',
  back: '<path d="M40 12L20 32l20 20"/>',
  up: '<path d="M12 40l20-20 20 20"/>',
  down: '<path d="M12 24l20 20 20-20"/>',
  // A door with an arrow out: the visit ends (办完了，退出).
  exit: '<path d="M28 8H12v48h16"/><path d="M26 32h30M46 22l10 10-10 10"/>',
  home: '<path d="M8 30L32 10l24 20M16 24v30h32V24"/><path d="M27 54V40h10v14"/>',
  printer:
    '<path d="M18 24V8h28v16"/><rect x="8" y="24" width="48" height="20" rx="4"/><path d="M18 36h28v20H18z"/>',
  idCard:
    '<rect x="6" y="14" width="52" height="36" rx="5"/><circle cx="22" cy="30" r="6"/><path d="M13 44c2-5 5-7 9-7s7 2 9 7M36 26h16M36 34h16"/>',
  // A mobile phone: signing in with WeChat on one's own phone.
  phone: '<rect x="18" y="6" width="28" height="52" rx="5"/><path d="M28 50h8M26 12h12"/>',
  // A QR code in a viewfinder: scanning a helper's consent code.
  scan: '<path d="M8 20V8h12M44 8h12v12M56 44v12H44M20 56H8V44"/><path d="M20 20h10v10H20zM34 34h10v10H34zM34 20h10M20 44h10v-4"/>',
  // Two people: a family member who handles things for the resident.
  family:
    '<circle cx="22" cy="20" r="8"/><circle cx="44" cy="24" r="6"/><path d="M6 54c0-10 7-18 16-18s16 8 16 18M36 54c0-8 4-14 10-14s12 6 12 14"/>',
  // A tick in a circle: done, it worked.
  success: '<circle cx="32" cy="32" r="26"/><path d="M20 33l8 8 16-18"/>',
  // An exclamation mark in a triangle: something went wrong.
  error: '<path d="M32 6L60 56H4z"/><path d="M32 24v14M32 46v2"/>',
} as const

export type IconName = keyof typeof PATHS

export function iconUrl(name: IconName, color: string = colors.primary): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" fill="none" stroke="${color}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">${PATHS[name]}</svg>`
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
