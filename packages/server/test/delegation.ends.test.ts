/**
 * Issue 19, D2: a delegation ends with what it hangs on. A helper signed out, disabled or given a
 * new password, or the kiosk where the resident approved withdrawn or re-keyed: the delegated
 * tokens stop at once (403 CONSENT_EXPIRED, reason revoked), the grants read as revoked, and the
 * resident's trail says why. Other helpers' and other kiosks' delegations go on.
 */
import {
  addKiosk,
  disableStaff,
  resetStaffPassword,
  revokeKiosk,
  rotateKioskKey,
  type AdminContext,
} from '../src/admin/commands'
import {
  bearer,
  describeOnEngines,
  idNumberFor,
  KIOSK_KEY,
  STAFF_PASSWORD,
  staffToken,
} from './support/service'

describeOnEngines('delegations end with the helper session or kiosk they hang on', (on) => {
  let n = 0
  const admin = (): AdminContext => ({
    db: on.service.ctx.db,
    clock: on.service.ctx.clock,
    actor: { kind: 'system', id: 'admin-cli:test' },
  })
  const post = (url: string, token: string, payload?: object) =>
    on.service.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) })

  /** A helper asks, a resident signs in at the kiosk with their card and approves, the helper gets a token. */
  async function delegation(staffNo: string, kioskKey = KIOSK_KEY, staff?: string) {
    const helper = staff ?? (await staffToken(on.service, staffNo))
    const created = await post('/api/v1/consents', helper, { scopes: ['payment', 'booking', 'request'] })
    expect(created.statusCode).toBe(201)
    const { id, code } = created.json() as { id: string; code: string }
    n++
    const signIn = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/id-card',
      headers: { 'x-kiosk-key': kioskKey, 'x-forwarded-for': `10.20.0.${n}` },
      payload: { name: `代办${n}`, idNumber: idNumberFor(700 + n) },
    })
    expect(signIn.statusCode).toBe(201)
    const resident = signIn.json() as { token: string; resident: { id: string } }
    expect((await post(`/api/v1/consents/${id}/approve`, resident.token, { code })).statusCode).toBe(200)
    const issued = await post(`/api/v1/consents/${id}/token`, helper)
    expect(issued.statusCode).toBe(201)
    const token = issued.json().token as string
    expect(await bills(token)).toBe(200)
    return { helper, consentId: id, token, resident }
  }

  const bills = async (token: string) =>
    (await on.service.app.inject({ url: '/api/v1/bills', headers: bearer(token) })).statusCode

  async function expectEnded(d: Awaited<ReturnType<typeof delegation>>, reason: string) {
    const refused = await on.service.app.inject({ url: '/api/v1/bills', headers: bearer(d.token) })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error).toMatchObject({ code: 'CONSENT_EXPIRED', details: { reason: 'revoked' } })
    const cash = await post('/api/v1/payments', d.token, {
      billIds: ['bill-none'],
      method: 'counter-cash',
      cashReceivedFen: 100,
    })
    expect(cash.statusCode).toBe(403)
    // The resident's own session may have ended with the kiosk: the grant is read where it is kept.
    const grant = await on.service.ctx.db
      .selectFrom('consents')
      .select(['status', 'ended_at'])
      .where('id', '=', d.consentId)
      .executeTakeFirstOrThrow()
    expect(grant.status).toBe('revoked')
    expect(grant.ended_at).not.toBeNull()
    const trail = await on.service.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('grant_id', '=', d.consentId)
      .orderBy('seq')
      .execute()
    expect(trail.at(-1)).toEqual({ action: 'consent.revoked', target: reason })
  }

  it('signing out ends the grants asked for and the tokens issued in that session, not others', async () => {
    const mine = await delegation('H1001')
    const other = await delegation('H1002')
    const sameHelperElsewhere = await delegation('H1001')
    const out = await on.service.app.inject({
      method: 'DELETE',
      url: '/api/v1/staff/sessions/current',
      headers: bearer(mine.helper),
    })
    expect(out.statusCode).toBe(204)
    await expectEnded(mine, 'staff-signed-out')
    expect(await bills(other.token)).toBe(200)
    expect(await bills(sameHelperElsewhere.token)).toBe(200)
  })

  it('a new password ends every grant of the helper', async () => {
    const d = await delegation('H1001')
    const other = await delegation('H1002')
    const result = await resetStaffPassword(admin(), 'H1001', STAFF_PASSWORD)
    expect(result.grantsEnded).toBeGreaterThanOrEqual(1)
    await expectEnded(d, 'staff-password-reset')
    expect(await bills(other.token)).toBe(200)
  })

  it('withdrawing or re-keying the kiosk where the resident approved ends the grant', async () => {
    const a = await addKiosk(admin(), { id: `kiosk-d2a-${on.engine}`, name: 'D2 A' }, { enrol: false })
    const b = await addKiosk(admin(), { id: `kiosk-d2b-${on.engine}`, name: 'D2 B' }, { enrol: false })
    const atA = await delegation('H1001', a.key!)
    const atB = await delegation('H1001', b.key!)
    const atDemoKiosk = await delegation('H1001')
    expect((await revokeKiosk(admin(), `kiosk-d2a-${on.engine}`)).grantsEnded).toBe(1)
    await expectEnded(atA, 'kiosk-revoked')
    expect(await bills(atB.token)).toBe(200)
    // Re-keyed with an overlap, the old key still works and so does the grant; without, both end.
    expect((await rotateKioskKey(admin(), `kiosk-d2b-${on.engine}`, { overlapHours: 24 })).grantsEnded).toBe(
      0,
    )
    expect(await bills(atB.token)).toBe(200)
    expect((await rotateKioskKey(admin(), `kiosk-d2b-${on.engine}`, { overlapHours: 0 })).grantsEnded).toBe(1)
    await expectEnded(atB, 'kiosk-key-rotated')
    expect(await bills(atDemoKiosk.token)).toBe(200)
  })

  it('disabling the helper ends every grant and token of theirs at once', async () => {
    const d = await delegation('H1002')
    const other = await delegation('H1001')
    const result = await disableStaff(admin(), 'H1002')
    expect(result.grantsEnded).toBeGreaterThanOrEqual(1)
    await expectEnded(d, 'staff-disabled')
    expect(await bills(other.token)).toBe(200)
    await resetStaffPassword(admin(), 'H1002', STAFF_PASSWORD)
  })

  it('refuses a token whose helper is disabled or whose session is gone even if its grant was missed', async () => {
    const d = await delegation('H1001')
    // As if the grant had not been ended with the session (rows from an older release, a restore).
    await on.service.ctx.db
      .updateTable('staff_sessions')
      .set({ revoked_at: on.service.clock.now().toISOString() })
      .where(
        'staff_id',
        '=',
        (
          await on.service.ctx.db
            .selectFrom('staff')
            .select('id')
            .where('staff_no', '=', 'H1001')
            .executeTakeFirstOrThrow()
        ).id,
      )
      .execute()
    const refused = await on.service.app.inject({ url: '/api/v1/bills', headers: bearer(d.token) })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.details).toEqual({ reason: 'revoked' })
  })
})
