/**
 * 为谁办理: a family member holding an active family grant gets a short-lived token acting for the
 * resident, within the grant's scopes; taking the grant back ends it at once; the resident's trail
 * names the family member; a JSAPI order is paid by the family member's own WeChat.
 */
import {
  parseFamilyQr,
  type AuditEntryView,
  type CreatedFamilyGrant,
  type FamilyTokenResponse,
  type Payment,
} from '@bangban/core/api'
import { createSession } from '../src/auth/sessions'
import type { Service } from '../src/service'
import { bearer, describeOnEngines, residents, type TestDatabase } from './support/service'
import { startWechatService, wechatSetup, type WechatSetup } from './support/wechat'

type WechatStarted = Service & { setup: WechatSetup }

const wechat = {
  start: async (database: TestDatabase, like?: WechatStarted): Promise<WechatStarted> => {
    const setup = like?.setup ?? (await wechatSetup(database))
    return Object.assign(await startWechatService(database, setup), { setup })
  },
  stop: (first: WechatStarted) => first.setup.close(),
}

const MEMBER_OPENID = 'oFamilyMember000001'

describeOnEngines('a family member acting for a resident', wechat, (on) => {
  let member: { id: string; token: string }
  let elder: { id: string; token: string }
  let stranger: { id: string; token: string }

  beforeAll(async () => {
    ;[member, elder, stranger] = (await residents(on.service, 3, 820)) as [
      { id: string; token: string },
      { id: string; token: string },
      { id: string; token: string },
    ]
    // The family member is signed in with WeChat: their session carries their openid.
    member.token = (
      await createSession(
        on.service.ctx.db,
        on.service.ctx.clock,
        member.id,
        'wechat',
        3600,
        null,
        MEMBER_OPENID,
      )
    ).token
  })

  const post = (token: string, url: string, payload?: object, headers: Record<string, string> = {}) =>
    on.service.app.inject({
      method: 'POST',
      url,
      headers: { ...bearer(token), ...headers },
      ...(payload ? { payload } : {}),
    })
  const get = (token: string, url: string) => on.service.app.inject({ url, headers: bearer(token) })
  const clock = () => on.service.setup.clock

  /** A grant the elder agreed to, for the given scopes. */
  const granted = async (scopes: string[]) => {
    const created = (
      await post(member.token, '/api/v1/family-grants', { scopes })
    ).json() as CreatedFamilyGrant
    const { qrToken } = parseFamilyQr(created.qrPayload)!
    expect(
      (await post(elder.token, `/api/v1/family-grants/${created.id}/approve`, { qrToken })).statusCode,
    ).toBe(200)
    return created.id
  }
  const tokenFor = async (grantId: string, who = member.token) =>
    post(who, `/api/v1/family-grants/${grantId}/token`)

  it('gives a token only to the family member, acting as the resident within the grant', async () => {
    const grantId = await granted(['booking'])
    // Neither the resident nor anyone else may act with the family member's grant.
    expect((await tokenFor(grantId, elder.token)).statusCode).toBe(404)
    expect((await tokenFor(grantId, stranger.token)).statusCode).toBe(404)
    const res = await tokenFor(grantId)
    expect(res.statusCode).toBe(201)
    const acting = res.json() as FamilyTokenResponse
    expect(acting).toMatchObject({ familyGrantId: grantId, scopes: ['booking'], resident: { id: elder.id } })
    expect(Date.parse(acting.expiresAt) - clock().now().getTime()).toBe(30 * 60_000)

    // With it the family member is the resident for bookings, and for nothing else.
    expect((await get(acting.token, '/api/v1/me')).json().id).toBe(elder.id)
    const appointments = await get(acting.token, '/api/v1/appointments')
    expect(appointments.statusCode).toBe(200)
    expect((await get(acting.token, '/api/v1/bills')).json().error.code).toBe('CONSENT_SCOPE')
    // Not the resident's own affairs: their trail, their grants, another token.
    expect((await get(acting.token, '/api/v1/me/audit')).json().error.code).toBe('CONSENT_SCOPE')
    expect((await get(acting.token, '/api/v1/me/family-grants')).json().error.code).toBe('CONSENT_SCOPE')
    expect((await post(acting.token, `/api/v1/family-grants/${grantId}/revoke`)).json().error.code).toBe(
      'CONSENT_SCOPE',
    )
    expect((await tokenFor(grantId, acting.token)).json().error.code).toBe('CONSENT_SCOPE')
  })

  it('ends every token at once when the grant is taken back, and lapses on its own', async () => {
    const grantId = await granted(['booking', 'payment'])
    const first = (await tokenFor(grantId)).json() as FamilyTokenResponse
    // A token lapses after 30 minutes; the family member asks for another while the grant lives.
    clock().advance(30 * 60_000 + 1)
    try {
      const lapsed = (await get(first.token, '/api/v1/appointments')).json()
      expect(lapsed.error).toMatchObject({ code: 'CONSENT_EXPIRED', details: { reason: 'expired' } })
    } finally {
      clock().advance(-(30 * 60_000 + 1))
    }
    const second = (await tokenFor(grantId)).json() as FamilyTokenResponse
    expect((await get(second.token, '/api/v1/appointments')).statusCode).toBe(200)

    expect((await post(elder.token, `/api/v1/family-grants/${grantId}/revoke`)).json().status).toBe('revoked')
    for (const token of [first.token, second.token]) {
      const refused = (await get(token, '/api/v1/bills')).json()
      expect(refused.error).toMatchObject({ code: 'CONSENT_EXPIRED', details: { reason: 'revoked' } })
    }
    expect((await tokenFor(grantId)).json().error).toMatchObject({
      code: 'CONSENT_EXPIRED',
      details: { reason: 'revoked' },
    })
  })

  it('never outlives the grant: the last token ends with it, and then none is given', async () => {
    const grantId = await granted(['booking'])
    const grant = (await get(member.token, `/api/v1/family-grants/${grantId}`)).json()
    const toLastMinutes = Date.parse(grant.expiresAt) - clock().now().getTime() - 10 * 60_000
    clock().advance(toLastMinutes)
    try {
      // A year on, the family member signs in again.
      const { token: later } = await createSession(
        on.service.ctx.db,
        on.service.ctx.clock,
        member.id,
        'wechat',
        3600,
        null,
        MEMBER_OPENID,
      )
      const last = (await tokenFor(grantId, later)).json() as FamilyTokenResponse
      expect(last.expiresAt).toBe(grant.expiresAt)
      clock().advance(10 * 60_000)
      expect((await get(last.token, '/api/v1/appointments')).json().error).toMatchObject({
        code: 'CONSENT_EXPIRED',
        details: { reason: 'expired' },
      })
      expect((await tokenFor(grantId, later)).json().error.code).toBe('CONSENT_EXPIRED')
    } finally {
      clock().advance(-(toLastMinutes + 10 * 60_000))
    }
  })

  it('puts the family member in the resident’s trail as the one who acted', async () => {
    const grantId = await granted(['booking'])
    const acting = (await tokenFor(grantId)).json() as FamilyTokenResponse
    await get(acting.token, '/api/v1/appointments')
    const trail = (await get(elder.token, '/api/v1/me/audit')).json() as AuditEntryView[]
    const mine = trail.filter((entry) => entry.grantId === grantId)
    expect(mine.map((entry) => entry.action)).toEqual([
      'listAppointments',
      'family.token-issued',
      'family.approved',
    ])
    // The family member is named (masked); the resident's own consent is theirs, unnamed.
    expect(mine[0]!.actor).toEqual({ kind: 'resident', maskedName: '居***0', staffNo: null })
    expect(mine[1]!.actor.maskedName).toBe('居***0')
    expect(mine[2]!.actor).toEqual({ kind: 'resident', maskedName: null, staffNo: null })
    const rows = await on.service.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_kind', 'actor_id', 'subject_id'])
      .where('grant_id', '=', grantId)
      .where('action', '=', 'listAppointments')
      .execute()
    expect(rows).toEqual([
      { action: 'listAppointments', actor_kind: 'resident', actor_id: member.id, subject_id: elder.id },
    ])
  })

  it('orders a JSAPI payment for the resident’s bill, paid by the family member’s WeChat', async () => {
    const grantId = await granted(['payment'])
    const acting = (await tokenFor(grantId)).json() as FamilyTokenResponse
    const billId = 'bill-family-medical-1'
    await on.service.ctx.db
      .insertInto('bills')
      .values({
        id: billId,
        kind: 'medical',
        account_no: null,
        resident_id: elder.id,
        period: '2026-11',
        amount_fen: 2590,
        lines: JSON.stringify([{ label: 'medical', amountFen: 2590 }]),
        status: 'unpaid',
        due_date: '2026-12-28',
        created_at: clock().now().toISOString(),
        paid_at: null,
        paid_by_payment_id: null,
      })
      .execute()
    const pay = (payload: object) =>
      post(acting.token, '/api/v1/payments', payload, { 'idempotency-key': `family-pay-${on.engine}-0001` })
    // No one else's openid may be named.
    const other = await post(acting.token, '/api/v1/payments', {
      billIds: [billId],
      method: 'wechat-jsapi',
      payerOpenid: 'oSomeoneElse0000001',
    })
    expect(other.json().error.code).toBe('VALIDATION_FAILED')
    const res = await pay({ billIds: [billId], method: 'wechat-jsapi' })
    expect(res.statusCode).toBe(201)
    const payment = res.json() as Payment
    expect(on.service.setup.standIn.orders.get(payment.id)).toMatchObject({
      tradeType: 'JSAPI',
      payerOpenid: MEMBER_OPENID,
    })
    // The payment is the resident's: they see it with their own session.
    expect((await get(elder.token, `/api/v1/payments/${payment.id}`)).statusCode).toBe(200)
  })
})
