/**
 * Registers a route from the shared contract: its schemas validate the request and the response
 * and feed the OpenAPI document; its `auth` decides who may call it.
 */
import { contract, IdempotencyKey, type Contract, type RouteName } from '@bangban/shared/api'
import type { Language } from '@bangban/shared/i18n'
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify'
import type { z } from 'zod'
import { kioskOfKey } from '../auth/kiosks'
import { residentOfToken } from '../auth/sessions'
import { AppError } from '../util/errors'
import type { AppContext } from './context'
import { languageOf } from './errors'

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined

export interface Caller {
  readonly residentId: string | null
  readonly deviceId: string | null
  readonly token: string | null
}

export interface HandlerInput<N extends RouteName> {
  readonly params: Infer<Contract[N]['params' & keyof Contract[N]]>
  readonly query: Infer<Contract[N]['query' & keyof Contract[N]]>
  readonly body: Infer<Contract[N]['body' & keyof Contract[N]]>
  readonly caller: Caller
  readonly idempotencyKey: string | undefined
  readonly language: Language
  readonly request: FastifyRequest
}

export type Handler<N extends RouteName> = (input: HandlerInput<N>) => Promise<Infer<Contract[N]['response']>>

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header)
  if (!match) throw new AppError('UNAUTHENTICATED')
  return match[1]!
}

async function identify(
  ctx: AppContext,
  request: FastifyRequest,
  auth: Contract[RouteName]['auth'],
): Promise<Caller> {
  if (auth === 'kiosk') {
    const key = request.headers['x-kiosk-key']
    return {
      residentId: null,
      deviceId: await kioskOfKey(ctx.db, typeof key === 'string' ? key : undefined),
      token: null,
    }
  }
  if (auth === 'resident') {
    const token = bearer(request)
    if (!token) throw new AppError('UNAUTHENTICATED')
    return { residentId: await residentOfToken(ctx.db, ctx.clock, token), deviceId: null, token }
  }
  return { residentId: null, deviceId: null, token: null }
}

export function defineRoute<N extends RouteName>(
  app: FastifyInstance,
  ctx: AppContext,
  name: N,
  handler: Handler<N>,
  extra: Pick<RouteShorthandOptions, 'config'> = {},
): void {
  const def = contract[name] as Contract[RouteName]
  const schema: Record<string, unknown> = {
    operationId: name,
    summary: def.summary,
    tags: [def.path.split('/')[3] ?? 'api'],
    ...('params' in def && def.params ? { params: def.params } : {}),
    ...('query' in def && def.query ? { querystring: def.query } : {}),
    ...('body' in def && def.body ? { body: def.body } : {}),
    ...(def.status === 204 ? {} : { response: { [def.status]: def.response } }),
    ...(def.auth === 'resident'
      ? { security: [{ bearer: [] }] }
      : def.auth === 'kiosk'
        ? { security: [{ kioskKey: [] }] }
        : {}),
  }
  app.route({
    method: def.method,
    url: def.path,
    schema,
    ...extra,
    handler: async (request, reply) => {
      const caller = await identify(ctx, request, def.auth)
      let idempotencyKey: string | undefined
      const rawKey = request.headers['idempotency-key']
      if ('idempotent' in def && def.idempotent && rawKey !== undefined) {
        const parsed = IdempotencyKey.safeParse(rawKey)
        if (!parsed.success)
          throw new AppError('VALIDATION_FAILED', [{ where: 'headers.idempotency-key', problem: 'invalid' }])
        idempotencyKey = parsed.data
      }
      const result = await handler({
        params: request.params as never,
        query: request.query as never,
        body: request.body as never,
        caller,
        idempotencyKey,
        language: languageOf(request),
        request,
      })
      if (def.status === 204) return reply.code(204).send()
      return reply.code(def.status).send(result)
    },
  })
}
