import { z } from 'zod'
import { Instant } from './common'

/** A number for the 代帮办 counter, taken at the kiosk (取号). */
export const QueueTicket = z.object({
  /** What the kiosk that took it names it by to cancel it. */
  id: z.string(),
  ticketNo: z.string(),
  /** How many are waiting before this one. */
  waitingAhead: z.number().int().nonnegative(),
  takenAt: Instant,
})
export type QueueTicket = z.infer<typeof QueueTicket>

export const CallNextRequest = z.strictObject({ windowNo: z.number().int().min(1).max(99) })

/** A number called to a window (叫号): shown and spoken at the kiosks, "请 A012 号到 2 号窗口". */
export const QueueCall = z.object({
  ticketNo: z.string(),
  windowNo: z.number().int(),
  calledAt: Instant,
})
export type QueueCall = z.infer<typeof QueueCall>

export const QueueStatus = z.object({
  waiting: z.number().int().nonnegative(),
  /** The latest calls, newest first. */
  calls: z.array(QueueCall),
})
export type QueueStatus = z.infer<typeof QueueStatus>
