/**
 * The consent lifecycle: a helper asks (code + QR token), the resident approves or refuses with
 * their own session and one of the two secrets, the helper exchanges the grant for a delegated
 * token (RFC 8693 style: subject resident, actor helper), and either side can end it early.
 * Every step is written to the audit trail in the same transaction.
 */
import { randomBytes, randomInt } from 'node:crypto'
import {
  CONSENT_DEFAULT_MINUTES,
  consentQrPayload,
  type ConsentProof,
  type ConsentScope,
  type CreatedConsent,
  type DelegatedTokenResponse,
} from '@bangban/core/api'
import type { Kysely } from 'kysely'
import { appendAudit } from '../audit/log'
import { getResident, residentSummary } from '../auth/residents'
import type { StaffCaller } from '../auth/staffSessions'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { sha256 } from '../util/hash'
import { newId } from '../util/ids'
import { MAX_WRONG_CODES, PENDING_MINUTES, consentEnded, consentStatus } from './state'
import { consentView, loadConsent } from './views'

export interface ConsentDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
}

const minutesFrom = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString()

/** The helper at the counter and the staff session they act in (the grant ends with it). */
export interface HelperInSession {
  readonly helper: StaffCaller
  readonly sessionToken: string
}

export async function requestConsent(
  { db, clock }: ConsentDeps,
  { helper, sessionToken }: HelperInSession,
  scopes: ConsentScope[],
  minutes = CONSENT_DEFAULT_MINUTES,
): Promise<CreatedConsent> {
  const now = clock.now()
  const id = newId('cst')
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0')
  const qrToken = randomBytes(24).toString('base64url')
  const unique = [...new Set(scopes)].sort()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consents')
      .values({
        id,
        helper_staff_id: helper.id,
        resident_id: null,
        scopes: JSON.stringify(unique),
        minutes,
        code_hash: sha256(`${id}:${code}`),
        qr_token_hash: sha256(qrToken),
        wrong_codes: 0,
        status: 'pending',
        requested_at: now.toISOString(),
        pending_until: minutesFrom(now, PENDING_MINUTES),
        approved_at: null,
        expires_at: null,
        ended_at: null,
        staff_session_hash: sha256(sessionToken),
        approved_device_id: null,
      })
      .execute()
    await appendAudit(trx, {
      at: now.toISOString(),
      actorKind: 'staff',
      actorId: helper.id,
      subjectId: null,
      grantId: id,
      action: 'consent.requested',
      target: unique.join(','),
    })
  })
  const view = await consentView(db, await loadConsent(db, id), now.toISOString())
  return { ...view, code, qrPayload: consentQrPayload(id, qrToken) }
}

/**
 * Checks the resident's proof: the QR token (their phone) or the code (at the kiosk, limited
 * tries). Every code try is counted before the code is compared, in one conditional update, the
 * right one too: simultaneous guesses cannot all read the same count and be compared beyond the
 * limit (issue 19, D3). The column keeps its name; it counts code tries.
 */
async function checkProof(db: Kysely<Database>, id: string, proof: ConsentProof): Promise<void> {
  const row = await loadConsent(db, id)
  if (proof.qrToken !== undefined) {
    if (sha256(proof.qrToken) !== row.qr_token_hash) throw new AppError('CODE_INVALID')
    return
  }
  const counted = await db
    .updateTable('consents')
    .set((eb) => ({ wrong_codes: eb('wrong_codes', '+', 1) }))
    .where('id', '=', id)
    .where('wrong_codes', '<', MAX_WRONG_CODES)
    .executeTakeFirst()
  if (Number(counted.numUpdatedRows) !== 1) throw new AppError('CODE_INVALID')
  if (sha256(`${id}:${proof.code}`) !== row.code_hash) throw new AppError('CODE_INVALID')
}

/** The resident answering and, when they answer at a kiosk, which one (the grant ends with its key). */
export interface AnsweringResident {
  readonly residentId: string
  readonly deviceId: string | null
}

export async function answerConsent(
  { db, clock }: ConsentDeps,
  { residentId, deviceId }: AnsweringResident,
  id: string,
  proof: ConsentProof,
  approve: boolean,
) {
  await checkProof(db, id, proof)
  const now = clock.now()
  const at = now.toISOString()
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const status = consentStatus(row, at)
    if (status !== 'pending') throw consentEnded(status, true)
    // Conditional on still pending: a grant is answered once, by one resident.
    const result = await trx
      .updateTable('consents')
      .set(
        approve
          ? {
              status: 'approved',
              resident_id: residentId,
              approved_at: at,
              expires_at: minutesFrom(now, row.minutes),
              approved_device_id: deviceId,
            }
          : { status: 'denied', resident_id: residentId, ended_at: at },
      )
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    // Another answer came first.
    if (Number(result.numUpdatedRows) !== 1) throw consentEnded('approved', true)
    await appendAudit(trx, {
      at,
      actorKind: 'resident',
      actorId: residentId,
      subjectId: residentId,
      grantId: id,
      action: approve ? 'consent.approved' : 'consent.denied',
      target: row.scopes,
    })
  })
  return consentView(db, await loadConsent(db, id), at)
}

/** Token exchange: only the helper who asked, only while the grant lives; the token dies with it. */
export async function issueDelegatedToken(
  { db, clock }: ConsentDeps,
  { helper, sessionToken }: HelperInSession,
  id: string,
): Promise<DelegatedTokenResponse> {
  const at = clock.now().toISOString()
  const row = await loadConsent(db, id)
  if (row.helper_staff_id !== helper.id) throw new AppError('NOT_FOUND')
  const status = consentStatus(row, at)
  if (status === 'pending') throw new AppError('CONSENT_REQUIRED')
  if (status !== 'approved' || !row.resident_id || !row.expires_at) throw consentEnded(status)
  const token = randomBytes(32).toString('base64url')
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('delegated_sessions')
      .values({
        token_hash: sha256(token),
        consent_id: id,
        staff_id: helper.id,
        resident_id: row.resident_id!,
        created_at: at,
        staff_session_hash: sha256(sessionToken),
      })
      .execute()
    await appendAudit(trx, {
      at,
      actorKind: 'staff',
      actorId: helper.id,
      subjectId: row.resident_id,
      grantId: id,
      action: 'consent.token-issued',
      target: null,
    })
  })
  const resident = await getResident(db, row.resident_id)
  return {
    token,
    expiresAt: row.expires_at,
    consentId: id,
    scopes: JSON.parse(row.scopes) as ConsentScope[],
    resident: residentSummary(resident),
  }
}

/** Ends a grant early: the helper who asked or the resident who gave it. */
export async function revokeConsent(
  { db, clock }: ConsentDeps,
  by: { staffId: string } | { residentId: string },
  id: string,
) {
  const at = clock.now().toISOString()
  const row = await loadConsent(db, id)
  const allowed = 'staffId' in by ? row.helper_staff_id === by.staffId : row.resident_id === by.residentId
  if (!allowed) throw new AppError('NOT_FOUND')
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('consents')
      .set({ status: 'revoked', ended_at: at })
      .where('id', '=', id)
      .where('status', 'in', ['pending', 'approved'])
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 1) {
      await appendAudit(trx, {
        at,
        actorKind: 'staffId' in by ? 'staff' : 'resident',
        actorId: 'staffId' in by ? by.staffId : by.residentId,
        subjectId: row.resident_id,
        grantId: id,
        action: 'consent.revoked',
        target: null,
      })
    }
  })
  return consentView(db, await loadConsent(db, id), at)
}

/** Who may see a grant: its helper, its resident, or (before anyone answered) the holder of the QR token. */
export async function viewConsent(
  { db, clock }: ConsentDeps,
  viewer: { staffId: string } | { residentId: string; qrToken?: string },
  id: string,
) {
  const row = await loadConsent(db, id)
  const allowed =
    'staffId' in viewer
      ? row.helper_staff_id === viewer.staffId
      : row.resident_id === viewer.residentId ||
        (row.resident_id === null &&
          viewer.qrToken !== undefined &&
          sha256(viewer.qrToken) === row.qr_token_hash)
  if (!allowed) throw new AppError('NOT_FOUND')
  return consentView(db, row, clock.now().toISOString())
}
