import { z } from 'zod'
import { Id, Instant, LocalDateSchema } from './common'

export const ServiceKind = z.enum(['department', 'service'])
export const ProviderKind = z.enum(['clinic', 'community'])

export const BookableService = z.object({
  id: Id,
  name: z.string(),
  kind: ServiceKind,
  ticketPrefix: z.string().length(1),
})
export type BookableService = z.infer<typeof BookableService>

export const Provider = z.object({
  id: Id,
  name: z.string(),
  kind: ProviderKind,
  address: z.string(),
  services: z.array(BookableService),
})
export type Provider = z.infer<typeof Provider>

export const SlotQuery = z.strictObject({ serviceId: Id, date: LocalDateSchema })
export type SlotQuery = z.infer<typeof SlotQuery>

export const Slot = z.object({
  id: Id,
  serviceId: Id,
  startsAt: Instant,
  endsAt: Instant,
  capacity: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
})
export type Slot = z.infer<typeof Slot>

export const AvailabilityQuery = z.strictObject({ serviceId: Id })
export const DayAvailability = z.object({
  date: LocalDateSchema,
  capacity: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
})
export type DayAvailability = z.infer<typeof DayAvailability>

export const CreateAppointmentRequest = z.strictObject({ slotId: Id })
export type CreateAppointmentRequest = z.infer<typeof CreateAppointmentRequest>

export const RescheduleRequest = z.strictObject({ slotId: Id })
export type RescheduleRequest = z.infer<typeof RescheduleRequest>

export const AppointmentStatus = z.enum(['booked', 'cancelled'])

export const Appointment = z.object({
  id: Id,
  slotId: Id,
  serviceId: Id,
  serviceName: z.string(),
  providerName: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  ticketNo: z.string(),
  status: AppointmentStatus,
  createdAt: Instant,
  cancelledAt: Instant.nullable(),
})
export type Appointment = z.infer<typeof Appointment>
