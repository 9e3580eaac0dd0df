/**
 * What 我的记录 shows, without React: which appointments are still ahead (and so can be cancelled
 * or changed), which requests wait for a rating, and what is left to pay.
 */
import type { Appointment } from '@bangban/core/api/booking'
import type { Bill } from '@bangban/core/api/bills'
import type { ServiceRequest } from '@bangban/core/api/requests'
import { sumFen, type Fen } from '@bangban/core/domain/money'

/**
 * Booked and not yet begun: the only appointments 取消预约 and 改约 are offered for (the service
 * refuses both once the time has started). Instants are compared as times, not as text: the
 * contract allows any offset.
 */
export function isChangeable(appointment: Appointment, nowMs: number): boolean {
  return appointment.status === 'booked' && Date.parse(appointment.startsAt) > nowMs
}

/** Upcoming appointments soonest first; the rest (past or cancelled) in the order given, newest first. */
export function splitAppointments(
  appointments: readonly Appointment[],
  nowMs: number,
): { upcoming: Appointment[]; others: Appointment[] } {
  const upcoming = appointments
    .filter((a) => isChangeable(a, nowMs))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
  const others = appointments.filter((a) => !isChangeable(a, nowMs))
  return { upcoming, others }
}

/** The booking page's parameters for 改约: the same service, starting at the day. */
export function changeParams(appointment: Appointment): Record<string, string> {
  return { serviceId: appointment.serviceId, reschedule: appointment.id }
}

/** The line under an appointment: its ticket, or that it was cancelled. */
export function appointmentStatusKey(appointment: Appointment): string {
  return appointment.status === 'cancelled' ? 'records.statusCancelled' : 'records.ticket'
}

/** The page's spoken prompt, once the appointments have loaded. */
export function recordsPromptKey(upcomingCount: number): string {
  return upcomingCount > 0 ? 'voice.records.list' : 'voice.records.empty'
}

/** Resolved and not yet rated: the resident rates it or says it is not fixed. */
export function canRate(request: ServiceRequest): boolean {
  return request.status === 'resolved' && !request.rating
}

export function billsSummary(bills: readonly Bill[]): { paid: Bill[]; unpaid: Bill[]; unpaidFen: Fen } {
  const paid = bills.filter((b) => b.status === 'paid')
  const unpaid = bills.filter((b) => b.status === 'unpaid')
  return { paid, unpaid, unpaidFen: sumFen(unpaid.map((b) => b.amountFen)) }
}
