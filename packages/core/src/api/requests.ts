import { z } from 'zod'
import { Id, Instant } from './common'
import { AssigneeContactPhone, MaskedPhone } from './masked'

export const RequestCategoryKind = z.enum(['repair', 'consultation', 'complaint', 'suggestion', 'other'])

export const RequestCategory = z.object({
  id: Id,
  name: z.string(),
  kind: RequestCategoryKind,
  /** Hours from submission to resolution before the request escalates. */
  timeLimitHours: z.number().int().positive(),
})
export type RequestCategory = z.infer<typeof RequestCategory>

/**
 * submitted (no grid worker on duty yet) → dispatched → accepted → in-progress → resolved → closed
 * (rated). Reopening a resolved request dispatches it again; a transfer dispatches it to another.
 */
export const ServiceRequestStatus = z.enum([
  'submitted',
  'dispatched',
  'accepted',
  'in-progress',
  'resolved',
  'closed',
])
export type ServiceRequestStatus = z.infer<typeof ServiceRequestStatus>

export const TimelineEvent = z.enum([
  'submitted',
  'dispatched',
  'accepted',
  'progress',
  'transferred',
  'resolved',
  'reopened',
  'rated',
  'escalated',
])
export type TimelineEvent = z.infer<typeof TimelineEvent>

const Note = z.string().trim().min(1).max(1000)

export const CreateServiceRequest = z
  .strictObject({
    categoryId: Id,
    description: Note,
    /** The grid (网格) where the problem is, when the resident or helper knows it. */
    gridId: Id.optional(),
    address: z.string().trim().min(1).max(200).optional(),
    /** A mobile or landline number to call back on. */
    contactPhone: z.string().trim().min(1).max(20).optional(),
    /**
     * Instead of a number: call back on the number left with this earlier request of the same
     * resident (上次留的电话), so a kiosk resident need not key in eleven digits every time.
     */
    contactFrom: Id.optional(),
  })
  .refine((r) => r.gridId !== undefined || r.address !== undefined, {
    message: 'give gridId or address',
    path: ['address'],
  })
  .refine((r) => (r.contactPhone === undefined) !== (r.contactFrom === undefined), {
    message: 'give contactPhone or contactFrom, not both',
    path: ['contactPhone'],
  })
export type CreateServiceRequest = z.infer<typeof CreateServiceRequest>

export const TimelineEntry = z.object({
  event: TimelineEvent,
  /** The request's status after this event. */
  status: ServiceRequestStatus,
  at: Instant,
  by: z.object({ kind: z.enum(['resident', 'staff', 'system']), maskedName: z.string().nullable() }),
  note: z.string().nullable(),
})
export type TimelineEntry = z.infer<typeof TimelineEntry>

export const ServiceRequest = z.object({
  id: Id,
  /** Read out on the phone and printed on the receipt, e.g. R20261201007. */
  requestNo: z.string(),
  categoryId: Id,
  categoryName: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  gridId: Id,
  gridName: z.string(),
  status: ServiceRequestStatus,
  assignee: z.object({ maskedName: z.string(), gridId: Id.nullable() }).nullable(),
  createdAt: Instant,
  dueAt: Instant,
  firstResponseAt: Instant.nullable(),
  resolvedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  escalated: z.boolean(),
  rating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
  timeline: z.array(TimelineEntry),
  /** The call-back number left with it, masked (null once erased): offered again as 上次留的电话. */
  maskedContactPhone: MaskedPhone.nullable(),
})
export type ServiceRequest = z.infer<typeof ServiceRequest>

/** What staff see: the resident masked; the contact number in full only for the assignee. */
export const StaffServiceRequest = ServiceRequest.extend({
  residentMaskedName: z.string(),
  contactPhone: AssigneeContactPhone,
  assigneeStaffId: Id.nullable(),
})
export type StaffServiceRequest = z.infer<typeof StaffServiceRequest>

export const RateRequest = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).optional(),
})
export const ReopenRequest = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() })
export const ProgressRequest = z.strictObject({ note: Note })
export const ResolveRequest = z.strictObject({ note: Note })
export const TransferRequest = z
  .strictObject({ gridId: Id.optional(), staffId: Id.optional(), note: Note.optional() })
  .refine((r) => (r.gridId === undefined) !== (r.staffId === undefined), {
    message: 'give exactly one of gridId or staffId',
    path: ['gridId'],
  })
export type TransferRequest = z.infer<typeof TransferRequest>

export const StaffRequestQuery = z.strictObject({ scope: z.enum(['open', 'all']).optional() })

export const MetricsQuery = z.strictObject({ from: Instant.optional(), to: Instant.optional() })

export const MetricsGroup = z.object({
  key: z.string(),
  name: z.string(),
  total: z.number().int(),
  responded: z.number().int(),
  resolved: z.number().int(),
  overdue: z.number().int(),
  /** responded / total; null when there were none. */
  responseRate: z.number().nullable(),
  medianFirstResponseMinutes: z.number().nullable(),
  medianHandlingMinutes: z.number().nullable(),
  rated: z.number().int(),
  averageScore: z.number().nullable(),
  /** Ratings of 4 or 5 / rated. */
  satisfactionRate: z.number().nullable(),
})
export type MetricsGroup = z.infer<typeof MetricsGroup>

export const AdminMetrics = z.object({
  from: Instant,
  to: Instant,
  overall: MetricsGroup,
  byCategory: z.array(MetricsGroup),
  byGrid: z.array(MetricsGroup),
})
export type AdminMetrics = z.infer<typeof AdminMetrics>
