import type { Generated } from 'kysely'

/**
 * Table types for Kysely. Instants are ISO 8601 UTC text (`toISOString()`) on both engines: they
 * compare correctly as text, and SQLite has no timestamp type to keep them consistent with.
 */
export interface SettingsTable {
  key: string
  value: string
}

export interface DevicesTable {
  id: string
  name: string
  /** SHA-256 of the kiosk key; the key itself is never stored. */
  key_hash: string
  created_at: string
  /** A rotated-away key's hash, still accepted until previous_key_until (the overlap). */
  previous_key_hash: string | null
  previous_key_until: string | null
  /** SHA-256 of a one-time enrolment code that fetches the key, valid until enrol_until. */
  enrol_code_hash: string | null
  enrol_until: string | null
  enrol_overlap_hours: number | null
}

export interface ResidentsTable {
  id: string
  name: string
  /** HMAC of the ID number with this deployment's pepper, for finding a resident again. */
  id_number_hmac: string | null
  id_number_masked: string | null
  phone: string | null
  created_at: string
  /** HMAC of the name on the ID card (NFC, spaces removed): a card sign-in must name the same person. */
  name_hmac: string | null
}

export interface SessionsTable {
  /** SHA-256 of the bearer token. */
  token_hash: string
  resident_id: string
  method: 'id-card' | 'phone' | 'wechat'
  device_id: string | null
  created_at: string
  expires_at: string
  revoked_at: string | null
  /** Sessions opened by WeChat sign-in: the user's openid in the mini-program. */
  wechat_openid: string | null
}

export interface PhoneCodesTable {
  id: string
  phone: string
  code_hash: string
  created_at: string
  expires_at: string
  attempts: number
  used_at: string | null
}

export interface ProvidersTable {
  id: string
  name: string
  kind: 'clinic' | 'community'
  address: string
  sort_order: number
  /** 0: retired (no longer offered; what refers to it stays). */
  active: Generated<number>
}

export interface ServicesTable {
  id: string
  provider_id: string
  name: string
  kind: 'department' | 'service'
  ticket_prefix: string
  /** JSON array of "HH:mm-HH:mm" wall-clock slots in Asia/Shanghai. */
  slot_times: string
  /** Days of the week open, as digits 0 (Sunday) … 6 (Saturday). */
  open_weekdays: string
  capacity_per_slot: number
  days_ahead: number
  sort_order: number
  active: Generated<number>
}

export interface SlotsTable {
  id: string
  service_id: string
  /** Shanghai calendar day of starts_at. */
  local_date: string
  starts_at: string
  ends_at: string
  capacity: number
  /** Free places; claimed and released only by conditional updates. */
  remaining: number
}

export interface AppointmentsTable {
  id: string
  resident_id: string
  slot_id: string
  service_id: string
  local_date: string
  ticket_no: string
  status: 'booked' | 'cancelled'
  created_at: string
  cancelled_at: string | null
}

export interface TicketCountersTable {
  service_id: string
  local_date: string
  last_sequence: number
}

export interface IdempotencyKeysTable {
  resident_id: string
  key: string
  operation: string
  /** SHA-256 of the request body, so a reused key with another body is refused. */
  request_hash: string
  result_id: string
  created_at: string
}

export interface GridsTable {
  id: string
  name: string
  community: string
  area: string
  sort_order: number
  active: Generated<number>
}

export type StaffRole = 'helper' | 'grid-worker' | 'admin'

export interface StaffTable {
  id: string
  staff_no: string
  name: string
  /** JSON array of StaffRole. */
  roles: string
  /** scrypt, see auth/passwords.ts. */
  password_hash: string
  phone: string | null
  grid_id: string | null
  on_duty: number
  created_at: string
}

export interface RequestCategoriesTable {
  id: string
  name: string
  kind: 'repair' | 'consultation' | 'complaint' | 'suggestion' | 'other'
  time_limit_hours: number
  sort_order: number
  active: Generated<number>
}

export type BillKind = 'water' | 'electricity' | 'gas' | 'property' | 'medical'

export interface UtilityAccountsTable {
  account_no: string
  kind: Exclude<BillKind, 'medical'>
  holder_name: string
  address: string
  resident_id: string | null
  created_at: string
  biller_id: string | null
}

export interface BillsTable {
  id: string
  kind: BillKind
  account_no: string | null
  resident_id: string | null
  /** Billing period as shown, e.g. 2026-10 or 2026-10-12 for a clinic visit. */
  period: string
  amount_fen: number
  /** JSON array of {label, amountFen}. */
  lines: string
  status: 'unpaid' | 'paid'
  due_date: string
  created_at: string
  paid_at: string | null
  paid_by_payment_id: string | null
  /** Who sent the bill, and its number there (unique per biller): what imports match on. */
  biller_id: string | null
  bill_no: string | null
}

export interface BillersTable {
  id: string
  name: string
  /** JSON array of BillKind. */
  kinds: string
  /** SHA-256 of the push API key. */
  key_hash: string
  previous_key_hash: string | null
  previous_key_until: string | null
  active: Generated<number>
  created_at: string
}

export interface ImportRunsTable {
  id: string
  kind: 'accounts' | 'bills'
  source: 'file' | 'api'
  biller_id: string | null
  file_name: string | null
  file_sha256: string | null
  actor: string
  at: string
  /** JSON {rows, created, updated, unchanged, refused}. */
  counts: string
}

export interface StaffSessionsTable {
  /** SHA-256 of the bearer token. */
  token_hash: string
  staff_id: string
  created_at: string
  expires_at: string
  revoked_at: string | null
}

export interface StaffSignInAttemptsTable {
  id: string
  staff_no: string
  at: string
  ok: number
}

export type PaymentStatus = 'pending' | 'paid' | 'closed' | 'refunding' | 'refunded'

export interface PaymentsTable {
  /** Also the out_trade_no at WeChat Pay. */
  id: string
  method: 'wechat-native' | 'wechat-jsapi' | 'counter-cash'
  provider: 'wechatpay' | 'sandbox' | 'counter'
  status: PaymentStatus
  amount_fen: number
  /** `resident:<id>`, `kiosk:<id>` or `staff:<id>`: who asked for it (and may poll it). */
  principal: string
  resident_id: string | null
  staff_id: string | null
  payer_openid: string | null
  created_at: string
  expires_at: string | null
  order_requested_at: string | null
  code_url: string | null
  prepay_id: string | null
  last_checked_at: string | null
  paid_at: string | null
  paid_amount_fen: number | null
  provider_transaction_id: string | null
  closed_at: string | null
  close_reason: 'expired' | 'superseded' | 'order-failed' | null
  provider_closed_at: string | null
  cash_received_fen: number | null
  /** What the receipt prints and a resident reads out (P261206-0007); null before migration 018. */
  payment_no: string | null
}

export interface PaymentBillsTable {
  payment_id: string
  bill_id: string
  amount_fen: number
  /** 1 while the payment is pending or has paid the bill. */
  live: number
}

export interface PaymentEventsTable {
  id: string
  payment_id: string
  at: string
  kind: string
  /** JSON. */
  detail: string | null
}

export interface RefundsTable {
  id: string
  payment_id: string
  amount_fen: number
  reason: 'duplicate' | 'amount-mismatch'
  status: 'requested' | 'processing' | 'succeeded' | 'failed'
  provider_refund_id: string | null
  attempts: number
  last_error: string | null
  created_at: string
  updated_at: string
}

export interface PaymentIdempotencyKeysTable {
  principal: string
  key: string
  request_hash: string
  payment_id: string
  created_at: string
}

export interface GridAreasTable {
  grid_id: string
  keyword: string
}

export interface RequestCountersTable {
  local_date: string
  last_sequence: number
}

/** The last payment number given out on each Shanghai day. */
export interface PaymentCountersTable {
  local_date: string
  last_sequence: number
}

export type ServiceRequestStatus =
  'submitted' | 'dispatched' | 'accepted' | 'in-progress' | 'resolved' | 'closed'

export interface ServiceRequestsTable {
  id: string
  request_no: string
  resident_id: string
  category_id: string
  description: string
  address: string | null
  grid_id: string
  contact_phone: string
  status: ServiceRequestStatus
  assignee_staff_id: string | null
  created_at: string
  due_at: string
  first_response_at: string | null
  resolved_at: string | null
  closed_at: string | null
  escalated_at: string | null
  rating_score: number | null
  rating_comment: string | null
  updated_at: string
}

export interface RequestEventsTable {
  id: string
  request_id: string
  seq: number
  event: string
  status: ServiceRequestStatus
  at: string
  actor_kind: 'resident' | 'staff' | 'system'
  actor_id: string | null
  note: string | null
}

export interface AuditLogTable {
  seq: number
  at: string
  actor_kind: 'resident' | 'staff' | 'kiosk' | 'system'
  actor_id: string | null
  subject_id: string | null
  grant_id: string | null
  action: string
  target: string | null
  prev_hash: string
  hash: string
}

export interface AuditHeadTable {
  id: number
  seq: number
  hash: string
}

export interface ConsentsTable {
  id: string
  helper_staff_id: string
  resident_id: string | null
  /** JSON array of ConsentScope. */
  scopes: string
  minutes: number
  code_hash: string
  qr_token_hash: string
  wrong_codes: number
  status: 'pending' | 'approved' | 'denied' | 'revoked'
  requested_at: string
  pending_until: string
  approved_at: string | null
  expires_at: string | null
  ended_at: string | null
  /** SHA-256 of the staff session that asked: signing it out ends the grant. */
  staff_session_hash: string | null
  /** The kiosk where the resident approved (an ID-card session there): withdrawing it ends the grant. */
  approved_device_id: string | null
}

export interface DelegatedSessionsTable {
  token_hash: string
  consent_id: string
  staff_id: string
  resident_id: string
  created_at: string
  /** SHA-256 of the staff session the token was issued to: the token lives only while it does. */
  staff_session_hash: string | null
}

export interface QueueTicketsTable {
  id: string
  local_date: string
  sequence: number
  ticket_no: string
  /** cancelled: given back at the kiosk, or its visit ended before it was called. */
  status: 'waiting' | 'called' | 'cancelled'
  device_id: string | null
  taken_at: string
  called_at: string | null
  called_by: string | null
  window_no: number | null
}

export interface WechatLinksTable {
  openid: string
  resident_id: string
  unionid: string | null
  linked_at: string
}

export interface WechatLinkTicketsTable {
  /** SHA-256 of the link token handed to the phone. */
  token_hash: string
  openid: string
  unionid: string | null
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface WechatSubscriptionsTable {
  openid: string
  kind: 'appointment' | 'request'
  resident_id: string
  /** Messages still allowed: one per acceptance in wx.requestSubscribeMessage. */
  credits: number
  /** When credits were last added: only what happens after it is sent. */
  subscribed_at: string
}

export interface WechatMessagesTable {
  id: string
  kind: 'appointment' | 'request'
  target_id: string
  event: string
  resident_id: string
  openid: string
  status: 'sending' | 'sent' | 'refused' | 'unavailable' | 'failed'
  created_at: string
  updated_at: string
}

export interface FamilyGrantsTable {
  id: string
  member_resident_id: string
  resident_id: string | null
  /** JSON array of ConsentScope. */
  scopes: string
  qr_token_hash: string
  status: 'pending' | 'active' | 'denied' | 'revoked'
  requested_at: string
  pending_until: string
  approved_at: string | null
  expires_at: string | null
  ended_at: string | null
  /** Who took it back: the resident's or the family member's resident id. */
  ended_by: string | null
}

export interface FamilySessionsTable {
  token_hash: string
  family_grant_id: string
  member_resident_id: string
  resident_id: string
  payer_openid: string | null
  created_at: string
  expires_at: string
}

/** A name the service holds in zh-CN, in another language ({n} stands for a number carried over). */
export interface NameTranslationsTable {
  source: string
  lang: string
  text: string
}

export interface Database {
  name_translations: NameTranslationsTable
  settings: SettingsTable
  devices: DevicesTable
  residents: ResidentsTable
  sessions: SessionsTable
  phone_codes: PhoneCodesTable
  providers: ProvidersTable
  services: ServicesTable
  slots: SlotsTable
  appointments: AppointmentsTable
  ticket_counters: TicketCountersTable
  idempotency_keys: IdempotencyKeysTable
  grids: GridsTable
  staff: StaffTable
  request_categories: RequestCategoriesTable
  utility_accounts: UtilityAccountsTable
  bills: BillsTable
  audit_log: AuditLogTable
  audit_head: AuditHeadTable
  audit_tree_heads: AuditTreeHeadsTable
  consents: ConsentsTable
  delegated_sessions: DelegatedSessionsTable
  queue_tickets: QueueTicketsTable
  staff_sessions: StaffSessionsTable
  staff_sign_in_attempts: StaffSignInAttemptsTable
  payments: PaymentsTable
  payment_bills: PaymentBillsTable
  payment_events: PaymentEventsTable
  refunds: RefundsTable
  payment_idempotency_keys: PaymentIdempotencyKeysTable
  grid_areas: GridAreasTable
  request_counters: RequestCountersTable
  payment_counters: PaymentCountersTable
  service_requests: ServiceRequestsTable
  request_events: RequestEventsTable
  wechat_links: WechatLinksTable
  wechat_link_tickets: WechatLinkTicketsTable
  wechat_subscriptions: WechatSubscriptionsTable
  wechat_messages: WechatMessagesTable
  family_grants: FamilyGrantsTable
  family_sessions: FamilySessionsTable
  billers: BillersTable
  import_runs: ImportRunsTable
}

/** Signed heads of the audit log's Merkle tree (append-only; the key that signs is not in the database). */
export interface AuditTreeHeadsTable {
  tree_size: number
  root_hash: string
  signed_at: string
  key_id: string
  signature: string
}
