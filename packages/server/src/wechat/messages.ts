/**
 * Which subscribe messages go out, and when. A resident's phone reports each acceptance in
 * wx.requestSubscribeMessage (one message each). Timers then send:
 * - an appointment reminder once the appointment is less than a day away (between 08:00 and
 *   21:00 Shanghai time: nobody is woken by it);
 * - request progress when a grid worker accepts, adds progress or resolves the request.
 * A confirmation of a booking is not sent: the resident has it on the screen, and it would spend
 * the one message the reminder needs. Each message is claimed once (a unique row) before it is
 * sent, on every instance, so none goes twice.
 */
import { createI18n } from '@bangban/core/i18n'
import { inShanghai } from '@bangban/core/domain'
import { sql, type Kysely } from 'kysely'
import { isUniqueViolation } from '../db/errors'
import type { Database, WechatSubscriptionsTable } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { newId } from '../util/ids'
import type { MessageFields, MessageKind, SendOutcome, WechatNotifier } from './notifier'

export interface MessageDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly notifier: WechatNotifier
  readonly log?: { warn(details: Record<string, unknown>, message: string): void }
}

export const REMINDER_AHEAD_MS = 24 * 3600_000
/** Request events older than this when first seen are history, not news. */
export const NEWS_MS = 24 * 3600_000
export const QUIET_BEFORE_HOUR = 8
export const QUIET_FROM_HOUR = 21
export const RECORDS_PAGE = 'pages/records/index'
const REQUEST_EVENTS = ['accepted', 'progress', 'resolved'] as const
type RequestEvent = (typeof REQUEST_EVENTS)[number]

const zh = createI18n('zh-CN')

/** 2026年12月1日 08:30, as WeChat's time keywords want it. */
export function wechatTime(instant: string): string {
  const at = inShanghai(instant)
  return zh.t('weapp.messages.time', {
    year: at.year(),
    month: at.month() + 1,
    day: at.date(),
    time: at.format('HH:mm'),
  })
}

export function isQuietHour(now: Date): boolean {
  const hour = inShanghai(now).hour()
  return hour < QUIET_BEFORE_HOUR || hour >= QUIET_FROM_HOUR
}

/** Adds one message of each accepted kind for this WeChat user (their session's openid). */
export async function recordSubscriptions(
  db: Kysely<Database>,
  clock: Clock,
  residentId: string,
  openid: string | null,
  kinds: readonly MessageKind[],
): Promise<Record<MessageKind, number>> {
  // Only a WeChat session has someone to send to.
  if (!openid) throw new AppError('FORBIDDEN')
  const now = clock.now().toISOString()
  for (const kind of new Set(kinds)) {
    const added = await db
      .updateTable('wechat_subscriptions')
      .set((eb) => ({ credits: eb('credits', '+', 1), subscribed_at: now, resident_id: residentId }))
      .where('openid', '=', openid)
      .where('kind', '=', kind)
      .executeTakeFirst()
    if (Number(added.numUpdatedRows) === 0) {
      try {
        await db
          .insertInto('wechat_subscriptions')
          .values({ openid, kind, resident_id: residentId, credits: 1, subscribed_at: now })
          .execute()
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        await db
          .updateTable('wechat_subscriptions')
          .set((eb) => ({ credits: eb('credits', '+', 1), subscribed_at: now }))
          .where('openid', '=', openid)
          .where('kind', '=', kind)
          .execute()
      }
    }
  }
  const rows = await db
    .selectFrom('wechat_subscriptions')
    .select(['kind', 'credits'])
    .where('openid', '=', openid)
    .execute()
  const credits = { appointment: 0, request: 0 }
  for (const row of rows) credits[row.kind] = row.credits
  return credits
}

/**
 * Claims a message: its unique row, and one credit of the resident's subscription on that phone.
 * Null when another instance claimed it, or no credit is left (then nothing is recorded).
 */
async function claim(
  deps: MessageDeps,
  kind: MessageKind,
  targetId: string,
  event: string,
  sub: Pick<WechatSubscriptionsTable, 'openid' | 'resident_id'>,
): Promise<string | null> {
  const now = deps.clock.now().toISOString()
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const spent = await trx
        .updateTable('wechat_subscriptions')
        .set((eb) => ({ credits: eb('credits', '-', 1) }))
        .where('openid', '=', sub.openid)
        .where('kind', '=', kind)
        .where('credits', '>', 0)
        .executeTakeFirst()
      if (Number(spent.numUpdatedRows) !== 1) return null
      const id = newId('wxm')
      await trx
        .insertInto('wechat_messages')
        .values({
          id,
          kind,
          target_id: targetId,
          event,
          resident_id: sub.resident_id,
          openid: sub.openid,
          status: 'sending',
          created_at: now,
          updated_at: now,
        })
        .execute()
      return id
    })
  } catch (error) {
    // Another instance claimed the same message first; its transaction keeps the credit.
    if (isUniqueViolation(error, 'wechat_messages') || isUniqueViolation(error)) return null
    throw error
  }
}

async function deliver<K extends MessageKind>(
  deps: MessageDeps,
  id: string,
  message: { openid: string; kind: K; fields: MessageFields[K] },
): Promise<SendOutcome | 'failed'> {
  let status: SendOutcome | 'failed'
  try {
    status = await deps.notifier.send({ ...message, page: RECORDS_PAGE })
  } catch (error) {
    // At most once: a message that failed is not tried again (the resident sees it in 我的记录).
    deps.log?.warn(
      { err: error instanceof Error ? error.message : String(error), id },
      'WeChat message failed',
    )
    status = 'failed'
  }
  await deps.db
    .updateTable('wechat_messages')
    .set({ status, updated_at: deps.clock.now().toISOString() })
    .where('id', '=', id)
    .execute()
  return status
}

/** Sends the reminders that are due; returns how many went out. */
export async function sendAppointmentReminders(deps: MessageDeps): Promise<number> {
  const now = deps.clock.now()
  if (isQuietHour(now) || !deps.notifier.templateId('appointment')) return 0
  const due = await deps.db
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('services as sv', 'sv.id', 'a.service_id')
    .innerJoin('providers as p', 'p.id', 'sv.provider_id')
    .innerJoin('wechat_subscriptions as ws', (join) =>
      join.onRef('ws.resident_id', '=', 'a.resident_id').on('ws.kind', '=', 'appointment'),
    )
    .leftJoin('wechat_messages as m', (join) =>
      join.onRef('m.target_id', '=', 'a.id').on('m.kind', '=', 'appointment').on('m.event', '=', 'reminder'),
    )
    .select([
      'a.id',
      'a.ticket_no',
      's.starts_at',
      'sv.name as service',
      'p.name as place',
      'ws.openid',
      'ws.resident_id',
    ])
    .where('a.status', '=', 'booked')
    .where('s.starts_at', '>', now.toISOString())
    .where('s.starts_at', '<=', new Date(now.getTime() + REMINDER_AHEAD_MS).toISOString())
    .where('ws.credits', '>', 0)
    .where('m.id', 'is', null)
    .orderBy('s.starts_at')
    .execute()
  let sent = 0
  const done = new Set<string>()
  for (const row of due) {
    // A resident with two subscribed phones is reminded on one.
    if (done.has(row.id)) continue
    const id = await claim(deps, 'appointment', row.id, 'reminder', row)
    if (!id) continue
    done.add(row.id)
    const outcome = await deliver(deps, id, {
      openid: row.openid,
      kind: 'appointment',
      fields: {
        service: row.service,
        time: wechatTime(row.starts_at),
        ticket: row.ticket_no,
        place: row.place,
      },
    })
    if (outcome === 'sent') sent++
  }
  return sent
}

/** Sends progress on requests (accepted, progress, resolved) since the resident subscribed. */
export async function sendRequestUpdates(deps: MessageDeps): Promise<number> {
  const now = deps.clock.now()
  if (isQuietHour(now) || !deps.notifier.templateId('request')) return 0
  const events = await deps.db
    .selectFrom('request_events as e')
    .innerJoin('service_requests as r', 'r.id', 'e.request_id')
    .innerJoin('wechat_subscriptions as ws', (join) =>
      join.onRef('ws.resident_id', '=', 'r.resident_id').on('ws.kind', '=', 'request'),
    )
    .select(['e.request_id', 'e.seq', 'e.event', 'e.at', 'r.request_no', 'ws.openid', 'ws.resident_id'])
    .where('e.event', 'in', [...REQUEST_EVENTS])
    .where('e.at', '>', new Date(now.getTime() - NEWS_MS).toISOString())
    .whereRef('e.at', '>=', 'ws.subscribed_at')
    .where('ws.credits', '>', 0)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('wechat_messages as m')
            .select('m.id')
            .whereRef('m.target_id', '=', 'e.request_id')
            .where('m.kind', '=', 'request')
            // The event column holds the request event's sequence number as text.
            .where((eb) => eb('m.event', '=', sql<string>`cast(${eb.ref('e.seq')} as text)`)),
        ),
      ),
    )
    .orderBy('e.at')
    .execute()
  let sent = 0
  const done = new Set<string>()
  for (const row of events) {
    const key = `${row.request_id}#${row.seq}`
    if (done.has(key)) continue
    const id = await claim(deps, 'request', row.request_id, String(row.seq), row)
    if (!id) continue
    done.add(key)
    const event = row.event as RequestEvent
    const outcome = await deliver(deps, id, {
      openid: row.openid,
      kind: 'request',
      fields: {
        requestNo: row.request_no,
        status: zh.t(`weapp.messages.${event}.status`),
        time: wechatTime(row.at),
        note: zh.t(`weapp.messages.${event}.note`),
      },
    })
    if (outcome === 'sent') sent++
  }
  return sent
}
