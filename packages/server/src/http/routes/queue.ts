import type { FastifyInstance } from 'fastify'
import { callNext, cancelNumber, queueStatus, takeNumber } from '../../queue/queue'
import type { AppContext } from '../context'
import { defineRoute } from '../routing'

export function queueRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, ctx, 'takeQueueNumber', async ({ caller }) => takeNumber(ctx, caller.deviceId))
  defineRoute(app, ctx, 'cancelQueueNumber', async ({ params, caller }) => {
    await cancelNumber(ctx, caller.deviceId, params.id)
    return null
  })
  defineRoute(app, ctx, 'callNextNumber', async ({ body, caller }) =>
    callNext(ctx, caller.staff.id, body.windowNo),
  )
  defineRoute(app, ctx, 'queueStatus', async () => queueStatus(ctx))
}
