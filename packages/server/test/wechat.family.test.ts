/**
 * 亲友代办 grants: a family member asks, the resident scans the QR code and agrees on their own
 * phone; the grant lasts a year, either of them ends it at once, and every step is in the trail.
 */
import { parseFamilyQr, type CreatedFamilyGrant, type FamilyGrant } from '@bangban/core/api'
import { bearer, describeOnEngines, residents, staffToken } from './support/service'

describeOnEngines('family grants', (on) => {
  let member: { id: string; token: string }
  let elder: { id: string; token: string }
  let stranger: { id: string; token: string }

  beforeAll(async () => {
    ;[member, elder, stranger] = (await residents(on.service, 3, 700)) as [
      { id: string; token: string },
      { id: string; token: string },
      { id: string; token: string },
    ]
  })

  const post = (token: string, url: string, payload?: object) =>
    on.service.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) })
  const get = (token: string, url: string) => on.service.app.inject({ url, headers: bearer(token) })
  const ask = async (scopes = ['booking', 'payment']) => {
    const res = await post(member.token, '/api/v1/family-grants', { scopes })
    expect(res.statusCode).toBe(201)
    const created = res.json() as CreatedFamilyGrant
    return { created, qrToken: parseFamilyQr(created.qrPayload)!.qrToken }
  }

  it('lets the resident see who asks with the QR token, agree, and the grant lasts a year', async () => {
    const { created, qrToken } = await ask()
    expect(created).toMatchObject({ status: 'pending', scopes: ['booking', 'payment'], resident: null })
    expect(created.qrPayload).toMatch(/^bangban:\/\/family\?id=fam_/)
    // Without the token the resident sees nothing; with it, who asks (masked) and for what.
    expect((await get(elder.token, `/api/v1/family-grants/${created.id}`)).statusCode).toBe(404)
    const seen = await get(elder.token, `/api/v1/family-grants/${created.id}?qrToken=${qrToken}`)
    expect(seen.json()).toMatchObject({ status: 'pending', member: { maskedName: '居***0' } })
    // The family member cannot agree for the resident with their own code.
    expect(
      (await post(member.token, `/api/v1/family-grants/${created.id}/approve`, { qrToken })).statusCode,
    ).toBe(403)
    const agreed = await post(elder.token, `/api/v1/family-grants/${created.id}/approve`, { qrToken })
    const grant = agreed.json() as FamilyGrant
    expect(grant.status).toBe('active')
    expect(Date.parse(grant.expiresAt!) - Date.parse(grant.approvedAt!)).toBe(365 * 86_400_000)
    // Answered once: a second answer, or anyone else with the code, gets nowhere.
    expect(
      (await post(elder.token, `/api/v1/family-grants/${created.id}/deny`, { qrToken })).json().error.code,
    ).toBe('CONSENT_EXPIRED')
    expect(
      (await get(stranger.token, `/api/v1/family-grants/${created.id}?qrToken=${qrToken}`)).statusCode,
    ).toBe(404)

    const mine = (await get(member.token, '/api/v1/me/family-grants')).json()
    expect(mine.received.map((g: FamilyGrant) => g.id)).toContain(created.id)
    const theirs = (await get(elder.token, '/api/v1/me/family-grants')).json()
    expect(theirs.given.map((g: FamilyGrant) => g.id)).toContain(created.id)
    expect(theirs.received).toEqual([])
  })

  it('ends at once when the resident takes it back, and says so in the resident’s trail', async () => {
    const { created, qrToken } = await ask(['request'])
    await post(elder.token, `/api/v1/family-grants/${created.id}/approve`, { qrToken })
    expect((await post(stranger.token, `/api/v1/family-grants/${created.id}/revoke`)).statusCode).toBe(404)
    const revoked = (await post(elder.token, `/api/v1/family-grants/${created.id}/revoke`)).json()
    expect(revoked.status).toBe('revoked')
    expect((await post(member.token, `/api/v1/family-grants/${created.id}/revoke`)).json().status).toBe(
      'revoked',
    )
    const trail = (await get(elder.token, '/api/v1/me/audit')).json() as Array<{ action: string }>
    const actions = trail.map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['family.approved', 'family.revoked']))
    const rows = await on.service.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'subject_id'])
      .where('grant_id', '=', created.id)
      .orderBy('seq')
      .execute()
    expect(rows).toEqual([
      { action: 'family.requested', actor_id: member.id, subject_id: null },
      { action: 'family.approved', actor_id: elder.id, subject_id: elder.id },
      { action: 'family.revoked', actor_id: elder.id, subject_id: elder.id },
    ])
  })

  it('lets the family member take it back too, and a refused or lapsed request never becomes a grant', async () => {
    const first = await ask()
    await post(elder.token, `/api/v1/family-grants/${first.created.id}/approve`, { qrToken: first.qrToken })
    expect(
      (await post(member.token, `/api/v1/family-grants/${first.created.id}/revoke`)).json(),
    ).toMatchObject({
      status: 'revoked',
    })
    const refused = await ask()
    const denied = await post(elder.token, `/api/v1/family-grants/${refused.created.id}/deny`, {
      qrToken: refused.qrToken,
    })
    expect(denied.json().status).toBe('denied')
    const lapsed = await ask()
    on.service.clock.advance(15 * 60_000)
    expect(
      (
        await post(elder.token, `/api/v1/family-grants/${lapsed.created.id}/approve`, {
          qrToken: lapsed.qrToken,
        })
      ).json().error.code,
    ).toBe('CONSENT_EXPIRED')
    expect((await get(member.token, `/api/v1/family-grants/${lapsed.created.id}`)).json().status).toBe(
      'expired',
    )
  })

  it('is for residents themselves: a helper acting with a delegated token cannot ask or agree', async () => {
    const helper = await staffToken(on.service, 'H1001')
    const consent = (
      await post(helper, '/api/v1/consents', { scopes: ['booking', 'payment', 'request'] })
    ).json()
    await post(elder.token, `/api/v1/consents/${consent.id}/approve`, { code: consent.code })
    const delegated = (await post(helper, `/api/v1/consents/${consent.id}/token`)).json().token as string
    const res = await post(delegated, '/api/v1/family-grants', { scopes: ['booking'] })
    expect(res.json().error.code).toBe('CONSENT_SCOPE')
    expect((await get(delegated, '/api/v1/me/family-grants')).json().error.code).toBe('CONSENT_SCOPE')
  })
})
