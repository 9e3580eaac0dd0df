/**
 * Pure rules of assisted service at the kiosk: how the 6-digit code is shown, how cash is counted, and which audit lines a resident sees.
 */
import type { TFunction } from 'i18next'
import type { AuditEntryView } from '@bangban/core/api/audit'
import type { ConsentScope } from '@bangban/core/api/consents'
import type { StaffRole } from '@bangban/core/api/staff'
import type { DelegationEnd } from '../../state/appStore'

export const ALL_SCOPES: readonly ConsentScope[] = ['booking', 'payment', 'request']

/** 123456 → "123 456": easier to read aloud and to copy onto the keypad. */
export function groupCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code
}

/** Cash typed on the keypad in yuan ("50") as fen. */
export function yuanDigitsToFen(digits: string): number {
  if (!/^\d{1,6}$/.test(digits)) return 0
  return Number(digits) * 100
}

/** Change to give, or null when the cash received does not cover the amount. */
export function changeFen(amountFen: number, receivedFen: number): number | null {
  return receivedFen >= amountFen ? receivedFen - amountFen : null
}

/**
 * Who did it, as the resident's 代办记录 says: a helper (name and staff number), a family member
 * (a resident named by the service because they acted for someone else), the resident, or the system.
 */
export function auditActor(t: TFunction, entry: AuditEntryView): string {
  const { kind, maskedName, staffNo } = entry.actor
  if (kind === 'staff') return t('records.auditByStaff', { name: maskedName ?? '', staffNo: staffNo ?? '' })
  if (kind === 'resident')
    return maskedName ? t('records.auditByFamily', { name: maskedName }) : t('records.auditByYou')
  return t('records.auditBySystem')
}

/**
 * The lines of the audit trail that are about someone acting for the resident: everything under a
 * grant and everything a member of staff did; the resident's own sign-ins stay out.
 */
export function assistedEntries(entries: readonly AuditEntryView[]): AuditEntryView[] {
  return entries.filter((e) => e.grantId !== null || e.actor.kind === 'staff')
}

/**
 * Where staff mode opens: an administrator's dashboard, a helper's console. Once an assisted visit
 * has ended, back to the console in any case: it says how the visit ended, and the next resident
 * at the window is likely waiting.
 */
export function staffLanding(
  roles: readonly StaffRole[],
  delegationEnded: DelegationEnd | null = null,
): 'adminDashboard' | 'staffConsole' {
  return roles.includes('admin') && delegationEnded === null ? 'adminDashboard' : 'staffConsole'
}
