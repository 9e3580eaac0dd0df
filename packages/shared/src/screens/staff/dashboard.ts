/**
 * Pure rules of the operators' dashboard: how a rate and a duration read, the
 * time ranges of the audit search (from the service's day, not the kiosk's clock), and which
 * sentence an audit line is told with.
 */
import type { AuditEntryView } from '@bangban/core/api/audit'
import { addDays, shanghaiToInstant, type LocalDate } from '@bangban/core/domain/time'

/** 0.6667 → 67; null (nothing to measure) stays null. */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 100)
}

/** Whole hours and minutes of a duration in minutes (rounded to the minute); null stays null. */
export function hoursAndMinutes(minutes: number | null): { hours: number; minutes: number } | null {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return null
  const whole = Math.round(minutes)
  return { hours: Math.floor(whole / 60), minutes: whole % 60 }
}

/** Whole minutes from one instant to another, never negative. */
export function minutesBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 60_000))
}

export type AuditRange = 'today' | 'week' | 'month'
export const AUDIT_RANGES: readonly AuditRange[] = ['today', 'week', 'month']
const RANGE_DAYS: Record<AuditRange, number> = { today: 1, week: 7, month: 30 }

/** [from, to) of a range ending with the service's day `date` (Asia/Shanghai), as instants. */
export function auditRange(range: AuditRange, date: LocalDate): { from: string; to: string } {
  return {
    from: shanghaiToInstant(addDays(date, 1 - RANGE_DAYS[range]), '00:00'),
    to: shanghaiToInstant(addDays(date, 1), '00:00'),
  }
}

/** A staff number as the service takes it, or null when it cannot be one (then it is not sent). */
export function staffNoQuery(text: string): string | null {
  const value = text.trim().toUpperCase()
  return /^[A-Z0-9]{2,16}$/.test(value) ? value : null
}

/** Which sentence tells an audit line: by whom, and for which resident if any. */
export function auditSentence(entry: AuditEntryView): 'byStaffFor' | 'byStaff' | 'byResident' | 'bySystem' {
  if (entry.actor.kind === 'staff') return entry.subject ? 'byStaffFor' : 'byStaff'
  if (entry.actor.kind === 'resident' && entry.subject) return 'byResident'
  return 'bySystem'
}
