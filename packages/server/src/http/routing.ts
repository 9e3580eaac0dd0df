/**
 * Registers a route from the shared contract: its schemas validate the request and the response
 * and feed the OpenAPI document; its `auth` decides who may call it.
 */
import {
  checkTextInput,
  contract,
  IdempotencyKey,
  type TextProblem,
  type Contract,
  type Principal,
  type RouteDef,
  type RouteName,
} from '@bangban/core/api'
import type { Language } from '@bangban/core/i18n'
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify'
import type { z } from 'zod'
import { billerOfKey } from '../auth/billers'
import { kioskOfKey } from '../auth/kiosks'
import { residentOfToken } from '../auth/sessions'
import { staffOfToken } from '../auth/staffSessions'
import { recordCall } from '../audit/routeAudit'
import { delegationOfToken } from '../consents/delegation'
import { AppError } from '../util/errors'
import { familyActingOfToken } from '../wechat/family'
import type { BillerSystemCaller, Caller, DeviceCaller, ResidentCaller, StaffMemberCaller } from './caller'
import type { AppContext } from './context'
import { languageOf } from './errors'

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined

const nobody: Caller = {
  residentId: null,
  deviceId: null,
  staff: null,
  token: null,
  delegation: null,
  family: null,
  billerId: null,
}

/** A helper or a family member acts for the resident only within the granted scopes. */
function checkScope(def: RouteDef, scopes: readonly string[]): void {
  if (!def.scope || (def.scope !== 'any' && !scopes.includes(def.scope))) throw new AppError('CONSENT_SCOPE')
}

/** The caller of each request in flight, set by the route's onRequest hook. */
const callers = new WeakMap<FastifyRequest, Caller>()

export function principalsOf(def: RouteDef): readonly Principal[] {
  if (def.auth === 'none') return []
  return typeof def.auth === 'string' ? [def.auth as Principal] : def.auth
}

type AuthOf<N extends RouteName> = Contract[N]['auth']

/**
 * The caller a route's `auth` guarantees: a resident's route always has a resident, a staff
 * route a member of staff. `identify` makes it so, and `checkCaller` holds it at run time.
 */
export type CallerOf<N extends RouteName> =
  AuthOf<N> extends 'resident'
    ? ResidentCaller
    : AuthOf<N> extends 'staff'
      ? StaffMemberCaller
      : AuthOf<N> extends 'kiosk'
        ? DeviceCaller
        : AuthOf<N> extends 'biller'
          ? BillerSystemCaller
          : Caller

/** Refuses a caller the route's single principal does not name (never, while identify is right). */
function checkCaller(def: RouteDef, caller: Caller): void {
  const fits =
    def.auth === 'resident'
      ? caller.residentId !== null && caller.token !== null
      : def.auth === 'staff'
        ? caller.staff !== null && caller.token !== null
        : def.auth === 'kiosk'
          ? caller.deviceId !== null
          : def.auth === 'biller'
            ? caller.billerId !== null
            : true
  if (!fits) throw new AppError('UNAUTHENTICATED')
}

export interface HandlerInput<N extends RouteName> {
  readonly params: Infer<Contract[N]['params' & keyof Contract[N]]>
  readonly query: Infer<Contract[N]['query' & keyof Contract[N]]>
  readonly body: Infer<Contract[N]['body' & keyof Contract[N]]>
  readonly caller: CallerOf<N>
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

async function residentOrNull(ctx: AppContext, token: string): Promise<string | null> {
  try {
    return await residentOfToken(ctx.db, ctx.clock, token)
  } catch (error) {
    if (error instanceof AppError) return null
    throw error
  }
}

/**
 * A bearer token is a resident's or a member of staff's session (looked up in that order, in
 * their own tables); without one, a kiosk key identifies the device. Staff outside the route's
 * roles are refused.
 */
export async function identify(ctx: AppContext, request: FastifyRequest, def: RouteDef): Promise<Caller> {
  const kinds = principalsOf(def)
  if (kinds.length === 0) return nobody
  const keyHeader = request.headers['x-kiosk-key']
  const kioskKey = typeof keyHeader === 'string' ? keyHeader : undefined
  if (kinds.length === 1 && kinds[0] === 'biller') {
    const header = request.headers['x-biller-key']
    return {
      ...nobody,
      billerId: await billerOfKey(ctx.db, typeof header === 'string' ? header : undefined, ctx.clock),
    }
  }
  if (kinds.length === 1 && kinds[0] === 'kiosk') {
    return { ...nobody, deviceId: await kioskOfKey(ctx.db, kioskKey, ctx.clock.now().toISOString()) }
  }
  const token = bearer(request)
  if (token) {
    const residentId = kinds.includes('resident') ? await residentOrNull(ctx, token) : null
    if (residentId) return { ...nobody, residentId, token }
    if (kinds.includes('resident')) {
      const delegation = await delegationOfToken(ctx.db, ctx.clock, token)
      if (delegation) {
        checkScope(def, delegation.scopes)
        return { ...nobody, residentId: delegation.residentId, token, delegation }
      }
      const family = await familyActingOfToken(ctx.db, ctx.clock, token)
      if (family) {
        checkScope(def, family.scopes)
        return { ...nobody, residentId: family.residentId, token, family }
      }
    }
    const staff = kinds.includes('staff') ? await staffOfToken(ctx.db, ctx.clock, token) : null
    if (!staff) {
      // A member of staff on a resident's route needs that resident's consent first.
      if (kinds.includes('resident') && (await staffOfToken(ctx.db, ctx.clock, token)))
        throw new AppError('CONSENT_REQUIRED')
      throw new AppError('UNAUTHENTICATED')
    }
    if (def.roles && !def.roles.some((role) => staff.roles.includes(role))) throw new AppError('FORBIDDEN')
    return { ...nobody, staff, token }
  }
  if (kinds.includes('kiosk') && kioskKey !== undefined) {
    return { ...nobody, deviceId: await kioskOfKey(ctx.db, kioskKey, ctx.clock.now().toISOString()) }
  }
  throw new AppError('UNAUTHENTICATED')
}

/** OpenAPI security requirements: any one of them will do. */
export function securityOf(def: RouteDef): Array<Record<string, string[]>> | undefined {
  const kinds = principalsOf(def)
  if (kinds.length === 0) return undefined
  const schemes = new Set(
    kinds.map((kind) => (kind === 'kiosk' ? 'kioskKey' : kind === 'biller' ? 'billerKey' : 'bearer')),
  )
  return [...schemes].map((scheme) => ({ [scheme]: [] }))
}

export function defineRoute<N extends RouteName>(
  app: FastifyInstance,
  ctx: AppContext,
  name: N,
  handler: Handler<N>,
  extra: Pick<RouteShorthandOptions, 'config'> = {},
): void {
  const def = contract[name] as RouteDef
  const schema: Record<string, unknown> = {
    operationId: name,
    summary: def.summary,
    tags: [def.path.split('/')[3] ?? 'api'],
    ...('params' in def && def.params ? { params: def.params } : {}),
    ...('query' in def && def.query ? { querystring: def.query } : {}),
    ...('body' in def && def.body ? { body: def.body } : {}),
    ...(def.status === 204 || def.produces ? {} : { response: { [def.status]: def.response } }),
    ...(securityOf(def) ? { security: securityOf(def) } : {}),
  }
  app.route({
    method: def.method,
    url: def.path,
    schema,
    ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
    ...extra,
    // Who is calling is settled before the body is read or validated: a caller without the right
    // to a route learns nothing about what it expects.
    onRequest: async (request) => {
      callers.set(request, await identify(ctx, request, def))
    },
    // One rule for all text input, before the route's schema (core/api/text.ts, issue 19 D4).
    preValidation: async (request) => {
      const problems: TextProblem[] = []
      for (const part of ['params', 'query', 'body'] as const) {
        if (request[part] === undefined || request[part] === null) continue
        const checked = checkTextInput(request[part], part)
        problems.push(...checked.problems)
        ;(request as { [key in typeof part]: unknown })[part] = checked.value
      }
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems)
    },
    handler: async (request, reply) => {
      const caller = callers.get(request) ?? nobody
      checkCaller(def, caller)
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
        caller: caller as CallerOf<N>,
        idempotencyKey,
        language: languageOf(request),
        request,
      })
      await recordCall(ctx, name, caller, request.params as Record<string, unknown> | undefined, result)
      if (def.status === 204) return reply.code(204).send()
      if (def.produces) return reply.code(def.status).type(`${def.produces}; charset=utf-8`).send(result)
      return reply.code(def.status).send(result)
    },
  })
}
