/**
 * The administration area: a district's own reference data (places, services, grids, request
 * categories), its staff and kiosks, the billers that send bills, and the bill imports. The same
 * schemas check the admin screens' forms, the service's routes and the operator CLI.
 */
import { z } from 'zod'
import { BillKind } from './bills'
import { ProviderKind, ServiceKind } from './booking'
import { FenSchema, Id, Instant, LocalDateSchema } from './common'
import { MaskedPhone } from './masked'
import { RequestCategoryKind } from './requests'
import { StaffRole } from './staff'

/** Controls, bidirectional overrides and zero-width characters: never in a name shown to anyone. */
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/

/** A line of text an administrator types: trimmed, NFC, 1–max characters, nothing invisible. */
export function adminText(max: number) {
  return z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1)
        .max(max)
        .refine((s) => !UNSAFE_TEXT.test(s), { message: 'invisible or control characters' }),
    )
}

/** An id an administrator chooses (grid-xfl-4, kiosk-7): letters, digits, - and _. */
export const AdminId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,48}$/)

const SortOrder = z.number().int().min(0).max(9999)

export const AdminPlace = z.object({
  id: Id,
  name: z.string(),
  kind: ProviderKind,
  address: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
})
export type AdminPlace = z.infer<typeof AdminPlace>

export const PlaceInput = z.strictObject({
  name: adminText(64),
  kind: ProviderKind,
  address: adminText(128),
  sortOrder: SortOrder.default(0),
  active: z.boolean().default(true),
})
export type PlaceInput = z.input<typeof PlaceInput>
export const NewPlace = PlaceInput.extend({ id: AdminId })
export type NewPlace = z.input<typeof NewPlace>

/** A half-hour or any slot of the day, "08:00-08:30", in Asia/Shanghai. */
export const SlotTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/)
  .refine((s) => s.slice(0, 5) < s.slice(6), { message: 'a slot ends after it starts' })

export const AdminService = z.object({
  id: Id,
  providerId: Id,
  name: z.string(),
  kind: ServiceKind,
  ticketPrefix: z.string(),
  slotTimes: z.array(z.string()),
  /** Days of the week open: 0 Sunday … 6 Saturday. */
  openWeekdays: z.array(z.number().int()),
  capacityPerSlot: z.number().int(),
  daysAhead: z.number().int(),
  sortOrder: z.number().int(),
  active: z.boolean(),
})
export type AdminService = z.infer<typeof AdminService>

export const ServiceInput = z.strictObject({
  providerId: Id,
  name: adminText(32),
  kind: ServiceKind,
  ticketPrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]$/),
  slotTimes: z
    .array(SlotTime)
    .min(1)
    .max(48)
    .refine((list) => new Set(list).size === list.length, { message: 'a slot is listed twice' }),
  openWeekdays: z
    .array(z.number().int().min(0).max(6))
    .min(1)
    .max(7)
    .refine((list) => new Set(list).size === list.length, { message: 'a day is listed twice' }),
  capacityPerSlot: z.number().int().min(1).max(500),
  daysAhead: z.number().int().min(1).max(60),
  sortOrder: SortOrder.default(0),
  active: z.boolean().default(true),
})
export type ServiceInput = z.input<typeof ServiceInput>
export const NewService = ServiceInput.extend({ id: AdminId })
export type NewService = z.input<typeof NewService>

export const AdminGrid = z.object({
  id: Id,
  name: z.string(),
  community: z.string(),
  /** What it covers in words residents recognise. */
  area: z.string(),
  /** Address fragments (buildings, streets) that place a request in this grid. */
  addresses: z.array(z.string()),
  /** Grid workers who belong to it (disabled ones not counted). */
  workers: z.number().int(),
  sortOrder: z.number().int(),
  active: z.boolean(),
})
export type AdminGrid = z.infer<typeof AdminGrid>

export const GridInput = z.strictObject({
  name: adminText(32),
  community: adminText(32),
  area: adminText(128),
  addresses: z
    .array(adminText(64))
    .max(200)
    .refine((list) => new Set(list.map((a) => a.replace(/\s+/g, ''))).size === list.length, {
      message: 'an address is listed twice',
    }),
  sortOrder: SortOrder.default(0),
  active: z.boolean().default(true),
})
export type GridInput = z.input<typeof GridInput>
export const NewGrid = GridInput.extend({ id: AdminId })
export type NewGrid = z.input<typeof NewGrid>

export const AdminCategory = z.object({
  id: Id,
  name: z.string(),
  kind: RequestCategoryKind,
  timeLimitHours: z.number().int(),
  sortOrder: z.number().int(),
  active: z.boolean(),
})
export type AdminCategory = z.infer<typeof AdminCategory>

export const CategoryInput = z.strictObject({
  name: adminText(32),
  kind: RequestCategoryKind,
  timeLimitHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  sortOrder: SortOrder.default(0),
  active: z.boolean().default(true),
})
export type CategoryInput = z.input<typeof CategoryInput>
export const NewCategory = CategoryInput.extend({ id: AdminId })
export type NewCategory = z.input<typeof NewCategory>

export const StaffNo = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,16}$/)
export const StaffPassword = z.string().min(10).max(128)
export const MobileNumber = z.string().regex(/^1\d{10}$/)

export const AdminStaff = z.object({
  id: Id,
  staffNo: z.string(),
  name: z.string(),
  roles: z.array(StaffRole),
  gridId: Id.nullable(),
  /** Shown masked even to administrators: nobody reads a colleague's number off a screen. */
  maskedPhone: MaskedPhone.nullable(),
  onDuty: z.boolean(),
  disabled: z.boolean(),
  createdAt: Instant,
})
export type AdminStaff = z.infer<typeof AdminStaff>

const StaffFields = z.strictObject({
  name: adminText(32),
  roles: z
    .array(StaffRole)
    .min(1)
    .refine((list) => new Set(list).size === list.length, { message: 'a role is listed twice' }),
  /** The grid a grid worker belongs to (required with that role). */
  gridId: Id.nullable().default(null),
  /** Absent: unchanged (on an update) or none. Null: removed. */
  phone: MobileNumber.nullable().optional(),
})
const needsGrid = (s: { roles: readonly string[]; gridId: string | null }) =>
  !s.roles.includes('grid-worker') || s.gridId !== null
const gridIssue = { message: 'a grid worker needs a grid', path: ['gridId'] }

export const StaffUpdate = StaffFields.refine(needsGrid, gridIssue)
export type StaffUpdate = z.input<typeof StaffUpdate>
export const NewStaff = StaffFields.extend({ staffNo: StaffNo, password: StaffPassword }).refine(
  needsGrid,
  gridIssue,
)
export type NewStaff = z.input<typeof NewStaff>
export const PasswordReset = z.strictObject({ password: StaffPassword })

/** A kiosk or biller key's state. */
export const KeyState = z.enum(['pending', 'active', 'rotating', 'revoked'])
export type KeyState = z.infer<typeof KeyState>

export const AdminKiosk = z.object({
  id: Id,
  name: z.string(),
  createdAt: Instant,
  state: KeyState,
  /** While rotating: until when the old key still works. */
  previousKeyUntil: Instant.nullable(),
  /** An enrolment code not yet used: until when it works. */
  enrolUntil: Instant.nullable(),
})
export type AdminKiosk = z.infer<typeof AdminKiosk>

export const NewKiosk = z.strictObject({ id: AdminId, name: adminText(64) })
export type NewKiosk = z.input<typeof NewKiosk>

/** How long a rotated-away key keeps working: 0 for a leaked key (at once), up to 30 days. */
export const KeyRotation = z.strictObject({
  overlapHours: z
    .number()
    .int()
    .min(0)
    .max(30 * 24)
    .default(72),
})
export type KeyRotation = z.input<typeof KeyRotation>

/**
 * What a kiosk is given: a one-time enrolment code (typed on the kiosk PC, or read out over the
 * phone, and exchanged there for the key), never the key itself on an administrator's screen.
 */
export const KioskEnrolment = z.object({
  kiosk: AdminKiosk,
  enrolCode: z.string(),
  enrolUntil: Instant,
})
export type KioskEnrolment = z.infer<typeof KioskEnrolment>

export const EnrolRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Z0-9]{12}$/)),
})
export const EnrolResponse = z.object({ kioskId: Id, key: z.string() })
export type EnrolResponse = z.infer<typeof EnrolResponse>

export const AdminBiller = z.object({
  id: Id,
  name: z.string(),
  kinds: z.array(BillKind),
  createdAt: Instant,
  state: KeyState,
  previousKeyUntil: Instant.nullable(),
})
export type AdminBiller = z.infer<typeof AdminBiller>

export const NewBiller = z.strictObject({
  id: AdminId,
  name: adminText(64),
  kinds: z.array(BillKind).min(1),
})
export type NewBiller = z.input<typeof NewBiller>

/** A biller's key, shown once: it goes into the biller's system, not onto paper. */
export const BillerKey = z.object({ biller: AdminBiller, key: z.string() })
export type BillerKey = z.infer<typeof BillerKey>

export const StaffChange = z.object({ staff: AdminStaff, sessionsEnded: z.number().int() })
export type StaffChange = z.infer<typeof StaffChange>
export const KioskChange = z.object({ kiosk: AdminKiosk, sessionsEnded: z.number().int() })
export type KioskChange = z.infer<typeof KioskChange>

// ---------------------------------------------------------------------------------------------
// Imports.

export const ImportKind = z.enum(['accounts', 'bills'])
export type ImportKind = z.infer<typeof ImportKind>
export const ImportFormat = z.enum(['csv', 'xlsx'])
export type ImportFormat = z.infer<typeof ImportFormat>

/** Largest file an import takes (about 50 000 bill rows as CSV). */
export const MAX_IMPORT_BYTES = 6 * 1024 * 1024

export const ImportRequest = z.strictObject({
  kind: ImportKind,
  billerId: Id,
  fileName: z.string().min(1).max(128),
  format: ImportFormat,
  /** The file, base64. */
  content: z
    .string()
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  /** Only say what would change. */
  dryRun: z.boolean(),
})
export type ImportRequest = z.infer<typeof ImportRequest>

export const RowOutcome = z.enum(['created', 'updated', 'unchanged', 'refused'])
export type RowOutcome = z.infer<typeof RowOutcome>

/** A row refused, in plain words (`message`, in the caller's language) and as a stable key. */
export const RowProblem = z.object({
  /** The row in the file as a spreadsheet numbers it (the header is row 1). */
  row: z.number().int(),
  column: z.string().nullable(),
  problem: z.string(),
  message: z.string(),
})
export type RowProblem = z.infer<typeof RowProblem>

export const RowChange = z.object({
  row: z.number().int(),
  /** The account or bill number the row is about. */
  key: z.string(),
  outcome: RowOutcome,
  /** What changes, in words (amounts, periods, names). */
  summary: z.string(),
})
export type RowChange = z.infer<typeof RowChange>

export const ImportCounts = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
})
export type ImportCounts = z.infer<typeof ImportCounts>

/** At most this many changes and problems are listed; the counts are always whole. */
export const IMPORT_LIST_LIMIT = 200

export const ImportReport = z.object({
  /** The committed run; null for a dry run, or when every row was refused. */
  id: Id.nullable(),
  kind: ImportKind,
  dryRun: z.boolean(),
  counts: ImportCounts,
  changes: z.array(RowChange),
  problems: z.array(RowProblem),
})
export type ImportReport = z.infer<typeof ImportReport>

export const ImportRun = z.object({
  id: Id,
  kind: ImportKind,
  source: z.enum(['file', 'api']),
  billerId: Id.nullable(),
  fileName: z.string().nullable(),
  actor: z.string(),
  at: Instant,
  counts: ImportCounts,
})
export type ImportRun = z.infer<typeof ImportRun>

// ---------------------------------------------------------------------------------------------
// The billers' push API.

const BillNo = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((s) => !UNSAFE_TEXT.test(s))

export const PushedBill = z.strictObject({
  billNo: BillNo,
  accountNo: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4,32}$/),
  kind: BillKind.exclude(['medical']),
  period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  dueDate: LocalDateSchema,
  lines: z
    .array(z.strictObject({ label: adminText(40), amountFen: FenSchema.positive() }))
    .min(1)
    .max(20),
  /** For an account the service does not know yet. */
  holderName: adminText(32).optional(),
  address: adminText(128).optional(),
})
export type PushedBill = z.infer<typeof PushedBill>

export const PushBillsRequest = z.strictObject({ bills: z.array(PushedBill).min(1).max(500) })
export type PushBillsRequest = z.infer<typeof PushBillsRequest>

export const ReconciliationQuery = z.strictObject({ date: LocalDateSchema })
export const AdminReconciliationQuery = z.strictObject({ date: LocalDateSchema, billerId: Id })
