/**
 * What every administration change shares, from the admin screens and from the operator CLI:
 * who makes it (recorded as the audit entry's actor), and one transaction for the change and its
 * audit entry, so the trail never misses a change nor records one that did not happen.
 */
import type { Kysely, Transaction } from 'kysely'
import type { z } from 'zod'
import { appendAudit } from '../audit/log'
import type { ActorKind } from '../audit/chain'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'

/** Who changes something: a signed-in administrator, or an operator at the CLI (`admin-cli:<login>`). */
export interface AdminActor {
  readonly kind: Extract<ActorKind, 'staff' | 'system'>
  readonly id: string
}

export interface AdminContext {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly actor: AdminActor
}

export type Db = Kysely<Database> | Transaction<Database>

/**
 * Why a change is refused, as a stable key with its values (`adminProblems.<problem>` in the i18n
 * resources says it in words). `ADMIN_INVALID` for what was entered, `ADMIN_CONFLICT` for the state
 * of things (a number taken, an account already disabled), `NOT_FOUND` for an unknown id.
 */
export const ADMIN_PROBLEMS = [
  'taken',
  'unknownPlace',
  'unknownService',
  'unknownCategory',
  'unknownGrid',
  'unknownStaff',
  'unknownKiosk',
  'unknownBiller',
  'gridNeeded',
  'alreadyDisabled',
  'notDisabled',
  'alreadyRevoked',
  'ownAccount',
  'lastAdmin',
  'addressElsewhere',
  'unreadableFile',
  'wrongColumns',
  'emptyFile',
  'tooManyRows',
  'billerKind',
  'enrolCode',
] as const
export type AdminProblem = (typeof ADMIN_PROBLEMS)[number]

export class AdminError extends AppError {
  constructor(
    code: 'ADMIN_INVALID' | 'ADMIN_CONFLICT' | 'NOT_FOUND',
    readonly problem: AdminProblem,
    readonly values: Readonly<Record<string, string | number>> = {},
  ) {
    super(code, { problem, ...values })
  }
}

export async function audited<T>(
  ctx: AdminContext,
  action: string,
  target: string,
  change: (trx: Transaction<Database>, at: string) => Promise<T>,
): Promise<T> {
  const at = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    const result = await change(trx, at)
    await appendAudit(trx, {
      at,
      actorKind: ctx.actor.kind,
      actorId: ctx.actor.id,
      subjectId: null,
      grantId: null,
      action,
      target,
    })
    return result
  })
}

/**
 * Input checked against its contract schema, for callers that did not come through a route (the
 * CLI, imports): refused the way a route refuses it, VALIDATION_FAILED naming each field.
 */
export function check<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  throw new AppError(
    'VALIDATION_FAILED',
    parsed.error.issues.map((issue) => ({
      where: ['body', ...issue.path.map(String)].join('.'),
      problem: issue.code,
    })),
  )
}
