import type { StaffCaller } from '../auth/staffSessions'
import type { Delegation } from '../consents/delegation'
import { AppError } from '../util/errors'
import type { FamilyActing } from '../wechat/family'

/**
 * Who is calling: at most one of resident, kiosk device or member of staff is set. A helper acting
 * with a delegated token is the resident (residentId) with the delegation saying who acts; so is
 * a family member acting with a family token (family says who acts).
 */
export interface Caller {
  readonly residentId: string | null
  readonly deviceId: string | null
  readonly staff: StaffCaller | null
  readonly token: string | null
  readonly delegation: Delegation | null
  readonly family: FamilyActing | null
  /** A biller's system, by its X-Biller-Key. */
  readonly billerId: string | null
}

/** A resident's route: the resident (or whoever acts for them) and the token they came with. */
export type ResidentCaller = Caller & { readonly residentId: string; readonly token: string }
/** A staff route: the member of staff and their session's token. */
export type StaffMemberCaller = Caller & { readonly staff: StaffCaller; readonly token: string }
/** A kiosk's route: the device, by its key. */
export type DeviceCaller = Caller & { readonly deviceId: string }
/** A biller's route: the biller, by its key. */
export type BillerSystemCaller = Caller & { readonly billerId: string }

/** The resident of a route open to several kinds of caller, once the others are ruled out. */
export function residentOf(caller: Caller): string {
  if (caller.residentId === null) throw new AppError('UNAUTHENTICATED')
  return caller.residentId
}
