import type { FastifyInstance } from 'fastify'
import {
  bookAppointment,
  cancelAppointment,
  listAppointments,
  rescheduleAppointment,
} from '../../booking/appointments'
import { listAvailability, listProviders, listSlots } from '../../booking/catalog'
import type { AppContext } from '../context'
import { defineRoute } from '../routing'

export function bookingRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, ctx, 'listProviders', async () => listProviders(ctx.db))
  defineRoute(app, ctx, 'listAvailability', async ({ query }) =>
    listAvailability(ctx.db, ctx.clock, query.serviceId),
  )
  defineRoute(app, ctx, 'listSlots', async ({ query }) =>
    listSlots(ctx.db, ctx.clock, query.serviceId, query.date),
  )
  defineRoute(app, ctx, 'createAppointment', async ({ body, caller, idempotencyKey }) =>
    bookAppointment(ctx, caller.residentId, body.slotId, idempotencyKey),
  )
  defineRoute(app, ctx, 'listAppointments', async ({ caller }) => listAppointments(ctx.db, caller.residentId))
  defineRoute(app, ctx, 'cancelAppointment', async ({ params, caller }) =>
    cancelAppointment(ctx, caller.residentId, params.id),
  )
  defineRoute(app, ctx, 'rescheduleAppointment', async ({ params, body, caller }) =>
    rescheduleAppointment(ctx, caller.residentId, params.id, body.slotId),
  )
}
