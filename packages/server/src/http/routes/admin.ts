import type { FastifyInstance } from 'fastify'
import { adminDashboard } from '../../dashboard/dashboard'
import type { AppContext } from '../context'
import { defineRoute } from '../routing'

export function adminRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, ctx, 'adminDashboard', async () => adminDashboard(ctx.db, ctx.clock))
}
