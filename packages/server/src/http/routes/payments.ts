import { contract } from '@bangban/core/api'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { billsOfAccount, billsOfResident } from '../../bills/bills'
import { confirmSandboxPayment, getPayment } from '../../payments/access'
import { createPayment, type Payer } from '../../payments/create'
import { withCallerOpenid } from '../../payments/payerOpenid'
import type { PaymentsDeps } from '../../payments/deps'
import { handleWechatNotify } from '../../payments/wechatNotify'
import { AppError } from '../../util/errors'
import type { AppContext } from '../context'
import type { Caller } from '../caller'
import { defineRoute } from '../routing'

/** Account numbers are short and guessable: limit lookups per address (per instance). */
const lookupLimit = { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }

export function paymentsDeps(ctx: AppContext, log: Pick<FastifyBaseLogger, 'warn'>): PaymentsDeps {
  return {
    db: ctx.db,
    clock: ctx.clock,
    provider: ctx.payments.provider,
    paymentTtlSeconds: ctx.payments.ttlSeconds,
    log: { warn: (details, message) => log.warn(details, message) },
    ...(ctx.payments.beforeSettleCommit ? { beforeSettleCommit: ctx.payments.beforeSettleCommit } : {}),
  }
}

/** A helper acting with the resident's consent pays for that resident: both are named. */
function payerOf(caller: Caller): Payer {
  return {
    residentId: caller.residentId,
    deviceId: caller.deviceId,
    staffId: caller.staff?.id ?? caller.delegation?.staffId ?? null,
  }
}

export function paymentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const deps = paymentsDeps(ctx, app.log)

  defineRoute(
    app,
    ctx,
    'listBills',
    async ({ query, caller }) => {
      if (query.accountNo) return billsOfAccount(ctx.db, query.accountNo)
      // Only a signed-in resident has bills of their own; everyone else must name an account.
      if (!caller.residentId) {
        throw new AppError('VALIDATION_FAILED', [{ where: 'query.accountNo', problem: 'required' }])
      }
      return billsOfResident(ctx.db, caller.residentId)
    },
    lookupLimit,
  )
  defineRoute(app, ctx, 'createPayment', async ({ body, caller, idempotencyKey }) =>
    createPayment(deps, payerOf(caller), await withCallerOpenid(ctx.db, caller, body), idempotencyKey),
  )
  defineRoute(app, ctx, 'getPayment', async ({ params, caller }) =>
    getPayment(deps, payerOf(caller), caller.staff?.roles.includes('admin') ?? false, params.id),
  )
  defineRoute(app, ctx, 'sandboxConfirmPayment', async ({ params }) => confirmSandboxPayment(deps, params.id))

  // WeChat's callback is verified over the exact bytes received, so this route keeps the raw
  // body: its own JSON parser, in an encapsulated scope that leaves every other route as it is.
  const notify = contract.wechatPayNotify
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json')
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    )
    scope.route({
      method: notify.method,
      url: notify.path,
      schema: { operationId: 'wechatPayNotify', summary: notify.summary, tags: ['payments'] },
      handler: async (request, reply) => {
        const wechat = ctx.payments.wechat
        if (!wechat) throw new AppError('NOT_FOUND')
        const raw = Buffer.isBuffer(request.body)
          ? request.body
          : Buffer.from(String(request.body ?? ''), 'utf8')
        const answer = await handleWechatNotify(deps, wechat, request.headers, raw)
        if (!answer.body) return reply.code(answer.status).send()
        return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body)
      },
    })
  })
}
