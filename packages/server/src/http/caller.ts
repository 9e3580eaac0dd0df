import type { StaffCaller } from '../auth/staffSessions'
import type { Delegation } from '../consents/delegation'
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
