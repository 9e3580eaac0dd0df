/**
 * The API contract: every route's method, path and schemas, in one table. The service registers
 * its routes from it (validation and OpenAPI); the client derives its calls from it.
 */
import { z } from 'zod'
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

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** Who may call a route. */
export type RouteAuth = 'none' | 'kiosk' | 'resident'

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
    summary: "The resident's appointments",
    response: z.array(Appointment),
    status: 200,
  }),
  cancelAppointment: route({
    method: 'POST',
    path: '/api/v1/appointments/:id/cancel',
    auth: 'resident',
    summary: 'Cancel an appointment and free its place',
    params: IdParams,
    response: Appointment,
    status: 200,
  }),
  rescheduleAppointment: route({
    method: 'POST',
    path: '/api/v1/appointments/:id/reschedule',
    auth: 'resident',
    summary: 'Move an appointment to another slot, atomically',
    params: IdParams,
    body: RescheduleRequest,
    response: Appointment,
    status: 200,
  }),
} as const

export type Contract = typeof contract
export type RouteName = keyof Contract
