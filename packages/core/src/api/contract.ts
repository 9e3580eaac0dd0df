/**
 * The API contract: every route's method, path and schemas, in one table. The service registers
 * its routes from it (validation and OpenAPI); the client derives its calls from it.
 */
import { z } from 'zod'
import { CallNextRequest, QueueCall, QueueStatus, QueueTicket } from './queue'
import { AdminAuditQuery, AuditEntryView } from './audit'
import { AdminDashboard } from './dashboard'
import {
  Consent,
  ConsentProof,
  ConsentViewQuery,
  CreateConsentRequest,
  CreatedConsent,
  DelegatedTokenResponse,
  type ConsentScope,
} from './consents'
import { Grid } from './places'
import {
  Appointment,
  AvailabilityQuery,
  CreateAppointmentRequest,
  DayAvailability,
  Provider,
  RescheduleRequest,
  Slot,
  SlotQuery,
} from './booking'
import {
  IdCardSignInRequest,
  PhoneCodeRequest,
  PhoneCodeResponse,
  PhoneSignInRequest,
  ResidentSummary,
  SessionResponse,
} from './identity'
import { Bill, BillQuery } from './bills'
import { CreatePaymentRequest, Payment } from './payments'
import {
  AdminMetrics,
  CreateServiceRequest,
  MetricsQuery,
  ProgressRequest,
  RateRequest,
  ReopenRequest,
  RequestCategory,
  ResolveRequest,
  ServiceRequest,
  StaffRequestQuery,
  StaffServiceRequest,
  TransferRequest,
} from './requests'
import { StaffSessionResponse, StaffSignInRequest, StaffSummary, type StaffRole } from './staff'
import {
  CreatedFamilyGrant,
  CreateFamilyGrantRequest,
  FamilyGrant,
  FamilyGrantProof,
  FamilyGrantViewQuery,
  FamilyTokenResponse,
  MyFamilyGrants,
} from './family'
import {
  SubscribeRequest,
  SubscribeResponse,
  SubscribeTemplates,
  WechatLinkRequest,
  WechatSignInRequest,
  WechatSignInResponse,
} from './wechat'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** Who may present credentials: a kiosk (X-Kiosk-Key), a resident or a member of staff (bearer sessions). */
export type Principal = 'kiosk' | 'resident' | 'staff'

/** Who may call a route: anyone, one kind of principal, or any of several. */
export type RouteAuth = 'none' | Principal | readonly Principal[]

export interface RouteDef {
  readonly method: HttpMethod
  /** Path with `:name` parameters. */
  readonly path: string
  readonly auth: RouteAuth
  readonly summary: string
  readonly params?: z.ZodType
  readonly query?: z.ZodType
  readonly body?: z.ZodType
  readonly response: z.ZodType
  /** Success status. */
  readonly status: 200 | 201 | 204
  /** Accepts an `Idempotency-Key` header. */
  readonly idempotent?: boolean
  /** Resident routes a helper may call with a delegated token: the consent scope needed. */
  readonly scope?: ConsentScope | 'any'
  /** Staff routes: the roles allowed (any role when absent). */
  readonly roles?: readonly StaffRole[]
  /** The body is taken as raw text and checked by the handler (signed callbacks). */
  readonly rawBody?: boolean
}

const IdParams = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
})

function route<const R extends RouteDef>(def: R): R {
  return def
}

export const contract = {
  signInWithIdCard: route({
    method: 'POST',
    path: '/api/v1/sessions/id-card',
    auth: 'kiosk',
    summary: 'Sign a resident in at a kiosk from their ID card',
    body: IdCardSignInRequest,
    response: SessionResponse,
    status: 201,
  }),
  requestPhoneCode: route({
    method: 'POST',
    path: '/api/v1/sessions/phone-code',
    auth: 'none',
    summary: 'Send a one-time sign-in code by SMS',
    body: PhoneCodeRequest,
    response: PhoneCodeResponse,
    status: 201,
  }),
  signInWithPhone: route({
    method: 'POST',
    path: '/api/v1/sessions/phone',
    auth: 'none',
    summary: 'Sign a resident in with their mobile number and the one-time code',
    body: PhoneSignInRequest,
    response: SessionResponse,
    status: 201,
  }),
  signOut: route({
    method: 'DELETE',
    path: '/api/v1/sessions/current',
    auth: 'resident',
    summary: 'End the current session',
    response: z.null(),
    status: 204,
  }),
  me: route({
    method: 'GET',
    path: '/api/v1/me',
    auth: 'resident',
    scope: 'any',
    summary: 'The signed-in resident, masked',
    response: ResidentSummary,
    status: 200,
  }),
  listProviders: route({
    method: 'GET',
    path: '/api/v1/providers',
    auth: 'none',
    summary: 'Places that take appointments, with their departments and services',
    response: z.array(Provider),
    status: 200,
  }),
  listAvailability: route({
    method: 'GET',
    path: '/api/v1/availability',
    auth: 'none',
    summary: 'Free places per day for the next 14 days of a service',
    query: AvailabilityQuery,
    response: z.array(DayAvailability),
    status: 200,
  }),
  listSlots: route({
    method: 'GET',
    path: '/api/v1/slots',
    auth: 'none',
    summary: 'Time slots of a service on a day, with free places',
    query: SlotQuery,
    response: z.array(Slot),
    status: 200,
  }),
  createAppointment: route({
    method: 'POST',
    path: '/api/v1/appointments',
    auth: 'resident',
    scope: 'booking',
    summary: 'Book a place in a slot',
    body: CreateAppointmentRequest,
    response: Appointment,
    status: 201,
    idempotent: true,
  }),
  listAppointments: route({
    method: 'GET',
    path: '/api/v1/appointments',
    auth: 'resident',
    scope: 'booking',
    summary: "The resident's appointments",
    response: z.array(Appointment),
    status: 200,
  }),
  cancelAppointment: route({
    method: 'POST',
    path: '/api/v1/appointments/:id/cancel',
    auth: 'resident',
    scope: 'booking',
    summary: 'Cancel an appointment and free its place',
    params: IdParams,
    response: Appointment,
    status: 200,
  }),
  rescheduleAppointment: route({
    method: 'POST',
    path: '/api/v1/appointments/:id/reschedule',
    auth: 'resident',
    scope: 'booking',
    summary: 'Move an appointment to another slot, atomically',
    params: IdParams,
    body: RescheduleRequest,
    response: Appointment,
    status: 200,
  }),
  staffSignIn: route({
    method: 'POST',
    path: '/api/v1/staff/sessions',
    auth: 'none',
    summary: 'Sign a member of staff in with their staff number and password (rate limited)',
    body: StaffSignInRequest,
    response: StaffSessionResponse,
    status: 201,
  }),
  staffSignOut: route({
    method: 'DELETE',
    path: '/api/v1/staff/sessions/current',
    auth: 'staff',
    summary: 'End the current staff session',
    response: z.null(),
    status: 204,
  }),
  staffMe: route({
    method: 'GET',
    path: '/api/v1/staff/me',
    auth: 'staff',
    summary: 'The signed-in member of staff',
    response: StaffSummary,
    status: 200,
  }),
  // Bills carry a holder's (masked) name and amounts, and account numbers are easy to guess, so
  // a lookup needs some standing: a signed-in resident, a registered kiosk in a community centre
  // (a family member paying at the kiosk) or a helper at the counter. Without accountNo it lists
  // the signed-in resident's linked accounts and medical bills.
  listBills: route({
    method: 'GET',
    path: '/api/v1/bills',
    auth: ['resident', 'kiosk', 'staff'],
    scope: 'payment',
    roles: ['helper'],
    summary: "Bills of a utility account, or the signed-in resident's bills",
    query: BillQuery,
    response: z.array(Bill),
    status: 200,
  }),
  // Residents pay in WeChat; a kiosk without a signed-in resident shows a Native QR code; a
  // helper records cash taken at the counter (counter-cash only).
  createPayment: route({
    method: 'POST',
    path: '/api/v1/payments',
    auth: ['resident', 'kiosk', 'staff'],
    scope: 'payment',
    roles: ['helper'],
    summary: 'Pay bills: one open payment per bill; asking again returns the open one',
    body: CreatePaymentRequest,
    response: Payment,
    status: 201,
    idempotent: true,
  }),
  getPayment: route({
    method: 'GET',
    path: '/api/v1/payments/:id',
    auth: ['resident', 'kiosk', 'staff'],
    scope: 'payment',
    roles: ['helper', 'admin'],
    summary: 'A payment, for polling; asks WeChat Pay when it is still pending',
    params: IdParams,
    response: Payment,
    status: 200,
  }),
  wechatPayNotify: route({
    method: 'POST',
    path: '/api/v1/payments/wechat/notify',
    auth: 'none',
    summary: "WeChat Pay's signed and encrypted payment and refund callbacks (answered in WeChat's format)",
    response: z.null(),
    status: 204,
    rawBody: true,
  }),
  sandboxConfirmPayment: route({
    method: 'POST',
    path: '/api/v1/staff/payments/:id/sandbox-confirm',
    auth: 'staff',
    roles: ['helper', 'admin'],
    summary: 'Sandbox only (no WeChat Pay configured): a member of staff confirms the money was received',
    params: IdParams,
    response: Payment,
    status: 200,
  }),
  listRequestCategories: route({
    method: 'GET',
    path: '/api/v1/request-categories',
    auth: 'none',
    summary: 'Kinds of service request, with their time limits',
    response: z.array(RequestCategory),
    status: 200,
  }),
  createServiceRequest: route({
    method: 'POST',
    path: '/api/v1/requests',
    auth: 'resident',
    scope: 'request',
    summary: 'Submit a service request; it is dispatched to the on-duty grid worker at once',
    body: CreateServiceRequest,
    response: ServiceRequest,
    status: 201,
    idempotent: true,
  }),
  listServiceRequests: route({
    method: 'GET',
    path: '/api/v1/requests',
    auth: 'resident',
    scope: 'request',
    summary: "The resident's service requests",
    response: z.array(ServiceRequest),
    status: 200,
  }),
  getServiceRequest: route({
    method: 'GET',
    path: '/api/v1/requests/:id',
    auth: 'resident',
    scope: 'request',
    summary: 'A service request with its timeline',
    params: IdParams,
    response: ServiceRequest,
    status: 200,
  }),
  rateServiceRequest: route({
    method: 'POST',
    path: '/api/v1/requests/:id/rate',
    auth: 'resident',
    scope: 'request',
    summary: 'Rate a resolved request 1–5, which closes it',
    params: IdParams,
    body: RateRequest,
    response: ServiceRequest,
    status: 200,
  }),
  reopenServiceRequest: route({
    method: 'POST',
    path: '/api/v1/requests/:id/reopen',
    auth: 'resident',
    scope: 'request',
    summary: 'Reopen a resolved request that is not fixed',
    params: IdParams,
    body: ReopenRequest,
    response: ServiceRequest,
    status: 200,
  }),
  listStaffRequests: route({
    method: 'GET',
    path: '/api/v1/staff/requests',
    auth: 'staff',
    roles: ['grid-worker', 'admin'],
    summary: 'Requests assigned to me (grid worker); escalated and undispatched ones (admin)',
    query: StaffRequestQuery,
    response: z.array(StaffServiceRequest),
    status: 200,
  }),
  getStaffRequest: route({
    method: 'GET',
    path: '/api/v1/staff/requests/:id',
    auth: 'staff',
    roles: ['grid-worker', 'admin'],
    summary: 'A request assigned to me, with its timeline',
    params: IdParams,
    response: StaffServiceRequest,
    status: 200,
  }),
  acceptServiceRequest: route({
    method: 'POST',
    path: '/api/v1/staff/requests/:id/accept',
    auth: 'staff',
    roles: ['grid-worker'],
    summary: 'Accept a request dispatched to me',
    params: IdParams,
    response: StaffServiceRequest,
    status: 200,
  }),
  progressServiceRequest: route({
    method: 'POST',
    path: '/api/v1/staff/requests/:id/progress',
    auth: 'staff',
    roles: ['grid-worker'],
    summary: 'Add a progress note',
    params: IdParams,
    body: ProgressRequest,
    response: StaffServiceRequest,
    status: 200,
  }),
  transferServiceRequest: route({
    method: 'POST',
    path: '/api/v1/staff/requests/:id/transfer',
    auth: 'staff',
    roles: ['grid-worker', 'admin'],
    summary: 'Hand a request to another grid, or to a named grid worker',
    params: IdParams,
    body: TransferRequest,
    response: StaffServiceRequest,
    status: 200,
  }),
  resolveServiceRequest: route({
    method: 'POST',
    path: '/api/v1/staff/requests/:id/resolve',
    auth: 'staff',
    roles: ['grid-worker'],
    summary: 'Mark a request resolved, saying what was done',
    params: IdParams,
    body: ResolveRequest,
    response: StaffServiceRequest,
    status: 200,
  }),
  adminMetrics: route({
    method: 'GET',
    path: '/api/v1/admin/metrics',
    auth: 'staff',
    roles: ['admin'],
    summary: 'Response rate, time to first response, handling time and satisfaction, per category and grid',
    query: MetricsQuery,
    response: AdminMetrics,
    status: 200,
  }),
  adminDashboard: route({
    method: 'GET',
    path: '/api/v1/admin/dashboard',
    auth: 'staff',
    roles: ['admin'],
    summary:
      "Today's appointments per department and payments per method, open requests per grid (overdue first), response rate and median handling time",
    response: AdminDashboard,
    status: 200,
  }),
  listGrids: route({
    method: 'GET',
    path: '/api/v1/grids',
    auth: 'none',
    summary: 'The grids of the community, for saying where a problem is',
    response: z.array(Grid),
    status: 200,
  }),
  createConsent: route({
    method: 'POST',
    path: '/api/v1/consents',
    auth: 'staff',
    roles: ['helper', 'admin'],
    summary: 'A helper asks a resident for consent to act for them (code and QR for the resident)',
    body: CreateConsentRequest,
    response: CreatedConsent,
    status: 201,
  }),
  getConsent: route({
    method: 'GET',
    path: '/api/v1/consents/:id',
    auth: ['staff', 'resident'],
    summary: 'A consent grant: the helper who asked, or the resident (with the QR token before approving)',
    params: IdParams,
    query: ConsentViewQuery,
    response: Consent,
    status: 200,
  }),
  approveConsent: route({
    method: 'POST',
    path: '/api/v1/consents/:id/approve',
    auth: 'resident',
    summary: 'The resident approves, signed in on their own phone (QR token) or at the kiosk (code)',
    params: IdParams,
    body: ConsentProof,
    response: Consent,
    status: 200,
  }),
  denyConsent: route({
    method: 'POST',
    path: '/api/v1/consents/:id/deny',
    auth: 'resident',
    summary: 'The resident refuses',
    params: IdParams,
    body: ConsentProof,
    response: Consent,
    status: 200,
  }),
  issueDelegatedToken: route({
    method: 'POST',
    path: '/api/v1/consents/:id/token',
    auth: 'staff',
    roles: ['helper', 'admin'],
    summary: 'Token exchange: the helper gets a token acting for the resident, limited to the grant',
    params: IdParams,
    response: DelegatedTokenResponse,
    status: 201,
  }),
  revokeConsent: route({
    method: 'POST',
    path: '/api/v1/consents/:id/revoke',
    auth: ['staff', 'resident'],
    summary: 'End a grant early (the resident or the helper)',
    params: IdParams,
    response: Consent,
    status: 200,
  }),
  listMyConsents: route({
    method: 'GET',
    path: '/api/v1/me/consents',
    auth: 'resident',
    summary: 'Grants the resident gave',
    response: z.array(Consent),
    status: 200,
  }),
  myAudit: route({
    method: 'GET',
    path: '/api/v1/me/audit',
    auth: 'resident',
    summary: 'What was done for the resident, by whom and when',
    response: z.array(AuditEntryView),
    status: 200,
  }),
  adminAudit: route({
    method: 'GET',
    path: '/api/v1/admin/audit',
    auth: 'staff',
    roles: ['admin'],
    summary: 'Search the audit trail by resident, helper and time',
    query: AdminAuditQuery,
    response: z.array(AuditEntryView),
    status: 200,
  }),
  takeQueueNumber: route({
    method: 'POST',
    path: '/api/v1/queue/tickets',
    auth: 'kiosk',
    summary: 'Take a number for the assisted-service counter at a kiosk',
    response: QueueTicket,
    status: 201,
  }),
  callNextNumber: route({
    method: 'POST',
    path: '/api/v1/queue/call-next',
    auth: 'staff',
    roles: ['helper', 'admin'],
    summary: 'A helper calls the next waiting number to their window',
    body: CallNextRequest,
    response: QueueCall,
    status: 200,
  }),
  queueStatus: route({
    method: 'GET',
    path: '/api/v1/queue',
    auth: 'none',
    summary: 'How many are waiting and the latest numbers called, for the kiosks to show and speak',
    response: QueueStatus,
    status: 200,
  }),
  signInWithWechat: route({
    method: 'POST',
    path: '/api/v1/sessions/wechat',
    auth: 'none',
    summary: "Sign a resident in from the mini-program with wx.login's code, or say the WeChat needs linking",
    body: WechatSignInRequest,
    response: WechatSignInResponse,
    status: 201,
  }),
  linkWechat: route({
    method: 'POST',
    path: '/api/v1/sessions/wechat/link',
    auth: 'none',
    summary: 'Link this WeChat to the resident with the mobile number and SMS code, and sign in',
    body: WechatLinkRequest,
    response: SessionResponse,
    status: 201,
  }),
  wechatSubscribeTemplates: route({
    method: 'GET',
    path: '/api/v1/wechat/subscribe-templates',
    auth: 'none',
    summary:
      'The subscribe-message templates the mini-program offers (appointment reminder, request progress)',
    response: SubscribeTemplates,
    status: 200,
  }),
  subscribeWechatMessages: route({
    method: 'POST',
    path: '/api/v1/me/wechat-subscriptions',
    auth: 'resident',
    summary: 'Record the messages the signed-in WeChat user accepted (one message each)',
    body: SubscribeRequest,
    response: SubscribeResponse,
    status: 201,
  }),
  createFamilyGrant: route({
    method: 'POST',
    path: '/api/v1/family-grants',
    auth: 'resident',
    summary: 'A family member asks to act for a resident (QR code for the resident to scan and agree)',
    body: CreateFamilyGrantRequest,
    response: CreatedFamilyGrant,
    status: 201,
  }),
  getFamilyGrant: route({
    method: 'GET',
    path: '/api/v1/family-grants/:id',
    auth: 'resident',
    summary:
      'A family grant: its family member, its resident, or (before anyone answered) the holder of the QR token',
    params: IdParams,
    query: FamilyGrantViewQuery,
    response: FamilyGrant,
    status: 200,
  }),
  approveFamilyGrant: route({
    method: 'POST',
    path: '/api/v1/family-grants/:id/approve',
    auth: 'resident',
    summary: 'The resident agrees, on their own phone, with the QR token they scanned',
    params: IdParams,
    body: FamilyGrantProof,
    response: FamilyGrant,
    status: 200,
  }),
  denyFamilyGrant: route({
    method: 'POST',
    path: '/api/v1/family-grants/:id/deny',
    auth: 'resident',
    summary: 'The resident refuses',
    params: IdParams,
    body: FamilyGrantProof,
    response: FamilyGrant,
    status: 200,
  }),
  revokeFamilyGrant: route({
    method: 'POST',
    path: '/api/v1/family-grants/:id/revoke',
    auth: 'resident',
    summary: 'End a family grant (the resident or the family member), at once',
    params: IdParams,
    response: FamilyGrant,
    status: 200,
  }),
  issueFamilyToken: route({
    method: 'POST',
    path: '/api/v1/family-grants/:id/token',
    auth: 'resident',
    summary:
      'The family member gets a short-lived token acting for the resident, limited to an active grant they hold',
    params: IdParams,
    response: FamilyTokenResponse,
    status: 201,
  }),
  listMyFamilyGrants: route({
    method: 'GET',
    path: '/api/v1/me/family-grants',
    auth: 'resident',
    summary: 'Family grants the resident gave, and those they hold (people they may act for)',
    response: MyFamilyGrants,
    status: 200,
  }),
} as const

export type Contract = typeof contract
export type RouteName = keyof Contract
