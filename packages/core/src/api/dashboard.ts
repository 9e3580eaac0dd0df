import { z } from 'zod'
import { FenSchema, Id, Instant, LocalDateSchema } from './common'
import { PaymentMethod } from './payments'
import { ServiceRequestStatus } from './requests'

const Count = z.number().int().nonnegative()

/** Booked (not cancelled) appointments of one department or service for the day. */
export const DepartmentAppointments = z.object({
  serviceId: Id,
  serviceName: z.string(),
  providerName: z.string(),
  kind: z.enum(['department', 'service']),
  booked: Count,
})
export type DepartmentAppointments = z.infer<typeof DepartmentAppointments>

/** Payments settled during the day by one method, every method listed (zeros too). */
export const MethodPayments = z.object({
  method: PaymentMethod,
  count: Count,
  totalFen: FenSchema,
})
export type MethodPayments = z.infer<typeof MethodPayments>

/** An open request as an operator sees it in a list: no description, no resident, no phone. */
export const OpenRequestLine = z.object({
  id: Id,
  requestNo: z.string(),
  categoryName: z.string(),
  status: ServiceRequestStatus,
  createdAt: Instant,
  /** From the category's time limit. */
  dueAt: Instant,
  /** Still open past its due time. */
  overdue: z.boolean(),
  assigneeMaskedName: z.string().nullable(),
})
export type OpenRequestLine = z.infer<typeof OpenRequestLine>

/** Open requests of one grid: overdue first (longest overdue first), then the soonest due. */
export const GridOpenRequests = z.object({
  gridId: Id,
  gridName: z.string(),
  open: Count,
  overdue: Count,
  requests: z.array(OpenRequestLine),
})
export type GridOpenRequests = z.infer<typeof GridOpenRequests>

/** The operators' dashboard: today (Asia/Shanghai) at a glance, and the requests' service figures. */
export const AdminDashboard = z.object({
  /** The Shanghai calendar day the day figures are for. */
  date: LocalDateSchema,
  asOf: Instant,
  appointments: z.object({ total: Count, byDepartment: z.array(DepartmentAppointments) }),
  payments: z.object({ count: Count, totalFen: FenSchema, byMethod: z.array(MethodPayments) }),
  openRequests: z.object({ total: Count, overdue: Count, byGrid: z.array(GridOpenRequests) }),
  /** Over the requests submitted in [from, to): the last 30 days, as /admin/metrics by default. */
  requests: z.object({
    from: Instant,
    to: Instant,
    total: Count,
    responded: Count,
    resolved: Count,
    responseRate: z.number().nullable(),
    medianHandlingMinutes: z.number().nullable(),
  }),
  /** The audit log's latest signed head, its short hash on the day's report (null before any entry). */
  auditHead: z.object({ shortHash: z.string(), treeSize: z.number().int(), signedAt: Instant }).nullable(),
})
export type AdminDashboard = z.infer<typeof AdminDashboard>
