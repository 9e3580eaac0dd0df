/**
 * 亲友代办 grants: a family member asks (their phone shows a QR code), the resident scans it on
 * their own phone and agrees or refuses; the grant then lasts a year unless either of them takes
 * it back. Each step is appended to the audit trail in the same transaction, so the resident's
 * 代办记录 shows who asked, when they agreed and when it ended.
 */
import { randomBytes } from 'node:crypto'
import {
  FAMILY_GRANT_DAYS,
  FAMILY_PENDING_MINUTES,
  FAMILY_TOKEN_MINUTES,
  familyQrPayload,
  type ConsentScope,
  type CreatedFamilyGrant,
  type FamilyGrant,
  type FamilyGrantStatus,
  type FamilyTokenResponse,
  type MyFamilyGrants,
} from '@bangban/core/api'
import { maskName, maskPhone } from '@bangban/core/domain'
import type { Kysely } from 'kysely'
import { appendAudit } from '../audit/log'
import { getResident, residentSummary } from '../auth/residents'
import type { Database, FamilyGrantsTable } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { sha256 } from '../util/hash'
import { newId } from '../util/ids'
import { openidOfSession } from './links'

export interface FamilyDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
}

export function familyStatus(
  row: Pick<FamilyGrantsTable, 'status' | 'pending_until' | 'expires_at'>,
  now: string,
): FamilyGrantStatus {
  if (row.status === 'pending' && row.pending_until <= now) return 'expired'
  if (row.status === 'active' && row.expires_at !== null && row.expires_at <= now) return 'expired'
  return row.status
}

const later = (from: Date, ms: number) => new Date(from.getTime() + ms).toISOString()

async function load(db: Kysely<Database>, id: string): Promise<FamilyGrantsTable> {
  const row = await db.selectFrom('family_grants').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

async function view(db: Kysely<Database>, row: FamilyGrantsTable, now: string): Promise<FamilyGrant> {
  const people = await db
    .selectFrom('residents')
    .select(['id', 'name', 'phone'])
    .where('id', 'in', [row.member_resident_id, ...(row.resident_id ? [row.resident_id] : [])])
    .execute()
  const member = people.find((p) => p.id === row.member_resident_id)!
  const resident = row.resident_id ? people.find((p) => p.id === row.resident_id) : undefined
  const status = familyStatus(row, now)
  return {
    id: row.id,
    status,
    scopes: JSON.parse(row.scopes) as ConsentScope[],
    member: { maskedName: maskName(member.name), maskedPhone: member.phone ? maskPhone(member.phone) : null },
    resident: resident ? { maskedName: maskName(resident.name) } : null,
    requestedAt: row.requested_at,
    pendingUntil: row.pending_until,
    approvedAt: row.approved_at,
    expiresAt: row.expires_at,
    endedAt: row.ended_at ?? (status === 'expired' ? (row.expires_at ?? row.pending_until) : null),
  }
}

export async function requestFamilyGrant(
  { db, clock }: FamilyDeps,
  memberId: string,
  scopes: readonly ConsentScope[],
): Promise<CreatedFamilyGrant> {
  const now = clock.now()
  const id = newId('fam')
  const qrToken = randomBytes(24).toString('base64url')
  const unique = [...new Set(scopes)].sort()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('family_grants')
      .values({
        id,
        member_resident_id: memberId,
        resident_id: null,
        scopes: JSON.stringify(unique),
        qr_token_hash: sha256(qrToken),
        status: 'pending',
        requested_at: now.toISOString(),
        pending_until: later(now, FAMILY_PENDING_MINUTES * 60_000),
        approved_at: null,
        expires_at: null,
        ended_at: null,
        ended_by: null,
      })
      .execute()
    await appendAudit(trx, {
      at: now.toISOString(),
      actorKind: 'resident',
      actorId: memberId,
      subjectId: null,
      grantId: id,
      action: 'family.requested',
      target: unique.join(','),
    })
  })
  const row = await load(db, id)
  return { ...(await view(db, row, now.toISOString())), qrPayload: familyQrPayload(id, qrToken) }
}

/** Who may see a grant: its family member, its resident, or (before anyone answered) the holder of its QR token. */
export async function viewFamilyGrant(
  { db, clock }: FamilyDeps,
  residentId: string,
  id: string,
  qrToken: string | undefined,
): Promise<FamilyGrant> {
  const row = await load(db, id)
  const allowed =
    row.member_resident_id === residentId ||
    row.resident_id === residentId ||
    (row.resident_id === null && qrToken !== undefined && sha256(qrToken) === row.qr_token_hash)
  if (!allowed) throw new AppError('NOT_FOUND')
  return view(db, row, clock.now().toISOString())
}

export async function answerFamilyGrant(
  { db, clock }: FamilyDeps,
  residentId: string,
  id: string,
  qrToken: string,
  approve: boolean,
): Promise<FamilyGrant> {
  const row = await load(db, id)
  if (sha256(qrToken) !== row.qr_token_hash) throw new AppError('NOT_FOUND')
  // Asking for oneself is not a grant: the QR code must be scanned by someone else.
  if (row.member_resident_id === residentId) throw new AppError('FORBIDDEN')
  const now = clock.now()
  const at = now.toISOString()
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('family_grants')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    if (familyStatus(current, at) !== 'pending') throw new AppError('CONSENT_EXPIRED', { reason: 'answered' })
    const result = await trx
      .updateTable('family_grants')
      .set(
        approve
          ? {
              status: 'active',
              resident_id: residentId,
              approved_at: at,
              expires_at: later(now, FAMILY_GRANT_DAYS * 86_400_000),
            }
          : { status: 'denied', resident_id: residentId, ended_at: at, ended_by: residentId },
      )
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONSENT_EXPIRED', { reason: 'answered' })
    await appendAudit(trx, {
      at,
      actorKind: 'resident',
      actorId: residentId,
      subjectId: residentId,
      grantId: id,
      action: approve ? 'family.approved' : 'family.denied',
      target: current.scopes,
    })
  })
  return view(db, await load(db, id), at)
}

/** Either of them ends the grant at once; it is in the resident's trail who did. */
export async function revokeFamilyGrant(
  { db, clock }: FamilyDeps,
  residentId: string,
  id: string,
): Promise<FamilyGrant> {
  const row = await load(db, id)
  if (row.member_resident_id !== residentId && row.resident_id !== residentId) throw new AppError('NOT_FOUND')
  const at = clock.now().toISOString()
  const status = familyStatus(row, at)
  if (status !== 'active' && status !== 'pending') return view(db, row, at)
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('family_grants')
      .set({ status: 'revoked', ended_at: at, ended_by: residentId })
      .where('id', '=', id)
      .where('status', 'in', ['pending', 'active'])
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) return
    await appendAudit(trx, {
      at,
      actorKind: 'resident',
      actorId: residentId,
      subjectId: row.resident_id,
      grantId: id,
      action: 'family.revoked',
      target: null,
    })
  })
  return view(db, await load(db, id), at)
}

export async function myFamilyGrants({ db, clock }: FamilyDeps, residentId: string): Promise<MyFamilyGrants> {
  const now = clock.now().toISOString()
  const rows = await db
    .selectFrom('family_grants')
    .selectAll()
    .where((eb) => eb.or([eb('resident_id', '=', residentId), eb('member_resident_id', '=', residentId)]))
    .orderBy('requested_at', 'desc')
    .limit(100)
    .execute()
  const views = await Promise.all(rows.map(async (row) => ({ row, view: await view(db, row, now) })))
  return {
    given: views.filter(({ row }) => row.resident_id === residentId).map(({ view: v }) => v),
    received: views
      .filter(({ row }) => row.member_resident_id === residentId && row.resident_id !== null)
      .map(({ view: v }) => v),
  }
}

/** A family member acting for a resident: who acts, for whom, under which grant, for what. */
export interface FamilyActing {
  readonly familyGrantId: string
  readonly memberId: string
  readonly residentId: string
  readonly scopes: readonly ConsentScope[]
  /** The family member's WeChat, when they asked from a WeChat session: who pays JSAPI orders. */
  readonly payerOpenid: string | null
}

/**
 * Token exchange for 为谁办理: only the family member the grant was given to, from their own
 * session, while it is active. The token lives 30 minutes (never past the grant) and dies with it.
 */
export async function issueFamilyToken(
  { db, clock }: FamilyDeps,
  memberId: string,
  memberSessionToken: string,
  id: string,
): Promise<FamilyTokenResponse> {
  const row = await load(db, id)
  if (row.member_resident_id !== memberId || row.resident_id === null) throw new AppError('NOT_FOUND')
  const now = clock.now()
  const at = now.toISOString()
  const status = familyStatus(row, at)
  if (status !== 'active' || row.expires_at === null)
    throw new AppError('CONSENT_EXPIRED', { reason: status === 'revoked' ? 'revoked' : 'expired' })
  const tokenEnds = later(now, FAMILY_TOKEN_MINUTES * 60_000)
  const expiresAt = tokenEnds < row.expires_at ? tokenEnds : row.expires_at
  const token = randomBytes(32).toString('base64url')
  const residentId = row.resident_id
  const payerOpenid = await openidOfSession(db, memberSessionToken)
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('family_sessions')
      .values({
        token_hash: sha256(token),
        family_grant_id: id,
        member_resident_id: memberId,
        resident_id: residentId,
        payer_openid: payerOpenid,
        created_at: at,
        expires_at: expiresAt,
      })
      .execute()
    await appendAudit(trx, {
      at,
      actorKind: 'resident',
      actorId: memberId,
      subjectId: residentId,
      grantId: id,
      action: 'family.token-issued',
      target: null,
    })
  })
  return {
    token,
    expiresAt,
    familyGrantId: id,
    scopes: JSON.parse(row.scopes) as ConsentScope[],
    resident: residentSummary(await getResident(db, residentId)),
  }
}

/**
 * The family member acting with a token, null when it is not a family token. Refused once the
 * token lapsed or its grant ended (taken back by either of them, or lapsed): the grant's state is
 * read on every call, so taking it back ends every token at once.
 */
export async function familyActingOfToken(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
): Promise<FamilyActing | null> {
  const row = await db
    .selectFrom('family_sessions as f')
    .innerJoin('family_grants as g', 'g.id', 'f.family_grant_id')
    .select([
      'f.family_grant_id',
      'f.member_resident_id',
      'f.resident_id',
      'f.payer_openid',
      'f.expires_at as token_expires_at',
      'g.status',
      'g.pending_until',
      'g.expires_at',
      'g.scopes',
    ])
    .where('f.token_hash', '=', sha256(token))
    .executeTakeFirst()
  if (!row) return null
  const now = clock.now().toISOString()
  const status = familyStatus(row, now)
  if (status === 'revoked') throw new AppError('CONSENT_EXPIRED', { reason: 'revoked' })
  if (status !== 'active' || row.token_expires_at <= now)
    throw new AppError('CONSENT_EXPIRED', { reason: 'expired' })
  return {
    familyGrantId: row.family_grant_id,
    memberId: row.member_resident_id,
    residentId: row.resident_id,
    scopes: JSON.parse(row.scopes) as ConsentScope[],
    payerOpenid: row.payer_openid,
  }
}
