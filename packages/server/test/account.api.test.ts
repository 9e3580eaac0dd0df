/**
 * A resident's own account from the mini-program: linking the WeChat in hand to a phone sign-in so
 * it can pay (the payer is always the session's WeChat user, never one the phone names),
 * unlinking WeChat, and deleting the account (PIPL art. 47): what identifies them is erased and
 * every way to act as them ends; payment records and the audit trail stay, as the law requires.
 * The development WeChat stand-in turns any wx.login code into the user dev_<hash of the code>.
 */
import type { Payment, Slot } from '@bangban/core/api'
import { parseFamilyQr } from '@bangban/core/api'
import { verifyChain } from '../src/audit/log'
import { residentByPhone } from '../src/auth/residents'
import { createSession } from '../src/auth/sessions'
import { developmentWechatAuth } from '../src/wechat/auth'
import { bearer, describeOnEngines } from './support/service'

describeOnEngines('a resident’s own account', (on) => {
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
    on.service.app.inject({
      method,
      url,
      headers: token ? bearer(token) : {},
      ...(payload ? { payload } : {}),
    })
  /** A resident signed in with their mobile number (no WeChat behind the session). */
  async function byPhone(phone: string) {
    const resident = await residentByPhone(on.service.ctx.db, on.service.clock, phone)
    const { token } = await createSession(
      on.service.ctx.db,
      on.service.clock,
      resident.id,
      'phone',
      3600,
      null,
    )
    return { id: resident.id, token }
  }
  const openidOf = async (code: string) => (await developmentWechatAuth().code2Session(code)).openid

  it('links the WeChat in hand to a phone sign-in, and then pays as that WeChat user', async () => {
    const { id, token } = await byPhone('13800000101')
    const jsapi = { billIds: ['bill-w1000001-1'], method: 'wechat-jsapi' }
    const refused = await call('POST', '/api/v1/payments', token, jsapi)
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'WECHAT_LINK_REQUIRED'])
    // The phone cannot name a payer.
    const named = await call('POST', '/api/v1/payments', token, { ...jsapi, payerOpenid: 'oSomeone000001' })
    expect(named.json().error.code).toBe('VALIDATION_FAILED')

    expect((await call('POST', '/api/v1/me/wechat', token, { code: 'wxLoginCode0101' })).statusCode).toBe(204)
    const paid = await call('POST', '/api/v1/payments', token, jsapi)
    expect(paid.statusCode).toBe(201)
    const row = await on.service.ctx.db
      .selectFrom('payments')
      .select(['payer_openid', 'resident_id'])
      .where('id', '=', (paid.json() as Payment).id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ payer_openid: await openidOf('wxLoginCode0101'), resident_id: id })
    // From now on WeChat signs them in at once.
    const signIn = await call('POST', '/api/v1/sessions/wechat', undefined, { code: 'wxLoginCode0101' })
    expect(signIn.json()).toMatchObject({ outcome: 'signed-in', resident: { id } })
    const trail = (await call('GET', '/api/v1/me/audit', token)).json() as Array<{ action: string }>
    expect(trail.map((e) => e.action)).toContain('wechat.linked')
  })

  it('keeps a WeChat linked to someone else theirs', async () => {
    await byPhone('13800000102').then(({ token }) =>
      call('POST', '/api/v1/me/wechat', token, { code: 'wxLoginCode0102' }),
    )
    const other = await byPhone('13800000103')
    const res = await call('POST', '/api/v1/me/wechat', other.token, { code: 'wxLoginCode0102' })
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'WECHAT_LINKED_ELSEWHERE'])
  })

  it('unlinks WeChat: its sessions end, and the next WeChat sign-in asks for the mobile number', async () => {
    const { token } = await byPhone('13800000104')
    await call('POST', '/api/v1/me/wechat', token, { code: 'wxLoginCode0104' })
    const inWechat = (
      await call('POST', '/api/v1/sessions/wechat', undefined, { code: 'wxLoginCode0104' })
    ).json().token as string
    expect((await call('DELETE', '/api/v1/me/wechat', token)).statusCode).toBe(204)
    expect((await call('GET', '/api/v1/me', inWechat)).statusCode).toBe(401)
    // The phone session stays, but no longer pays in WeChat.
    expect((await call('GET', '/api/v1/me', token)).statusCode).toBe(200)
    const pay = await call('POST', '/api/v1/payments', token, {
      billIds: ['bill-e2000001-1'],
      method: 'wechat-jsapi',
    })
    expect(pay.json().error.code).toBe('WECHAT_LINK_REQUIRED')
    const again = await call('POST', '/api/v1/sessions/wechat', undefined, { code: 'wxLoginCode0104' })
    expect(again.json().outcome).toBe('needs-link')
  })

  it('takes a DELETE with no body as WeChat sends it: content-type application/json, nothing after', async () => {
    const { token } = await byPhone('13800000106')
    const wechatLike = { ...bearer(token), 'content-type': 'application/json' }
    const out = await on.service.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: wechatLike,
    })
    expect(out.statusCode).toBe(204)
    // A body that is there but broken is still refused.
    const { token: other } = await byPhone('13800000107')
    const broken = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/me/wechat',
      headers: { ...bearer(other), 'content-type': 'application/json' },
      payload: '{"code":',
    })
    expect(broken.statusCode).toBe(400)
  })

  it('deletes an account: erases who they were, ends every way to act as them, keeps payments and the trail', async () => {
    const { db } = on.service.ctx
    const me = await byPhone('13800000105')
    await call('POST', '/api/v1/me/wechat', me.token, { code: 'wxLoginCode0105' })
    // A booking ahead, a request, a payment, a linked account, a family member both ways.
    const [slot] = (await call('GET', '/api/v1/slots?serviceId=svc-general&date=2026-12-04')).json() as Slot[]
    const booked = await call('POST', '/api/v1/appointments', me.token, { slotId: slot!.id })
    expect(booked.statusCode).toBe(201)
    const request = await call('POST', '/api/v1/requests', me.token, {
      categoryId: 'cat-repair',
      description: '3 号楼 2 单元楼道灯坏了',
      address: '幸福里 3 号楼',
      contactPhone: '13800000105',
    })
    expect(request.statusCode).toBe(201)
    const paid = await call('POST', '/api/v1/payments', me.token, {
      billIds: ['bill-g3000001-1'],
      method: 'wechat-jsapi',
    })
    expect(paid.statusCode).toBe(201)
    await db
      .updateTable('utility_accounts')
      .set({ resident_id: me.id })
      .where('account_no', '=', 'W1000001')
      .execute()
    const family = await byPhone('13800000106')
    const asked = (await call('POST', '/api/v1/family-grants', family.token, { scopes: ['booking'] })).json()
    const { qrToken } = parseFamilyQr(asked.qrPayload as string)!
    await call('POST', `/api/v1/family-grants/${asked.id as string}/approve`, me.token, { qrToken })
    const remaining = async () =>
      (await db.selectFrom('slots').select('remaining').where('id', '=', slot!.id).executeTakeFirstOrThrow())
        .remaining
    const placesBefore = await remaining()

    expect((await call('DELETE', '/api/v1/me', me.token)).statusCode).toBe(204)

    // Nobody can act as them any more.
    expect((await call('GET', '/api/v1/me', me.token)).statusCode).toBe(401)
    expect(
      (await call('POST', `/api/v1/family-grants/${asked.id as string}/token`, family.token)).statusCode,
    ).toBe(403)
    const signIn = await call('POST', '/api/v1/sessions/wechat', undefined, { code: 'wxLoginCode0105' })
    expect(signIn.json().outcome).toBe('needs-link')
    // Who they were is gone.
    expect(
      await db.selectFrom('residents').selectAll().where('id', '=', me.id).executeTakeFirstOrThrow(),
    ).toMatchObject({ name: '', phone: null, id_number_hmac: null, id_number_masked: null })
    expect(
      await db.selectFrom('wechat_links').selectAll().where('resident_id', '=', me.id).execute(),
    ).toEqual([])
    const req = await db
      .selectFrom('service_requests')
      .select(['description', 'address', 'contact_phone'])
      .where('resident_id', '=', me.id)
      .executeTakeFirstOrThrow()
    expect(req).toEqual({ description: '', address: null, contact_phone: '' })
    expect(
      (
        await db
          .selectFrom('utility_accounts')
          .select('resident_id')
          .where('account_no', '=', 'W1000001')
          .executeTakeFirstOrThrow()
      ).resident_id,
    ).toBeNull()
    // Their place is free again.
    expect(await remaining()).toBe(placesBefore + 1)
    // Kept: the payment (accounting records) and the trail, which ends with the deletion and still verifies.
    expect(
      await db.selectFrom('payments').select('id').where('resident_id', '=', me.id).execute(),
    ).toHaveLength(1)
    const last = await db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(last).toEqual({ action: 'account.deleted', subject_id: me.id })
    expect((await verifyChain(db)).problem).toBeNull()
    // Signing in again with the same number is a new, empty account.
    const fresh = await residentByPhone(db, on.service.clock, '13800000105')
    expect(fresh.id).not.toBe(me.id)
  })
})
