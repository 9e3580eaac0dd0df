/**
 * Housekeeping: sessions, codes, sign-in attempts and link tickets are purged a day after they
 * stopped counting; anything still live, or ended less than a day ago, stays.
 */
import { purgeExpired, PURGE_GRACE_HOURS } from '../src/ops/housekeeping'
import { manualClock } from '../src/util/clock'
import { describeOnEngines } from './support/service'

const NOW = '2027-03-01T00:00:00.000Z'
const at = (hoursFromNow: number) => new Date(Date.parse(NOW) + hoursFromNow * 3600_000).toISOString()
const OLD = -(PURGE_GRACE_HOURS + 1)
const RECENT = -(PURGE_GRACE_HOURS - 1)

describeOnEngines('purgeExpired', (on) => {
  it('removes what ended over a day ago and keeps the rest', async () => {
    const db = on.service.ctx.db
    const resident = await db.selectFrom('residents').select('id').executeTakeFirstOrThrow()
    const staff = await db.selectFrom('staff').select('id').executeTakeFirstOrThrow()
    const session = (hash: string, expires: number, revoked: number | null) => ({
      token_hash: hash,
      resident_id: resident.id,
      method: 'phone' as const,
      device_id: null,
      created_at: at(-100),
      expires_at: at(expires),
      revoked_at: revoked === null ? null : at(revoked),
      wechat_openid: null,
    })
    await db
      .insertInto('sessions')
      .values([
        session('hk_old', OLD, null),
        session('hk_revoked_old', 100, OLD),
        session('hk_recent', RECENT, null),
        session('hk_live', 100, null),
      ])
      .execute()
    const staffSession = (hash: string, expires: number) => ({
      token_hash: hash,
      staff_id: staff.id,
      created_at: at(-100),
      expires_at: at(expires),
      revoked_at: null,
    })
    await db
      .insertInto('staff_sessions')
      .values([staffSession('hk_staff_old', OLD), staffSession('hk_staff_live', 10)])
      .execute()
    await db
      .insertInto('phone_codes')
      .values([
        {
          id: 'hk_code_old',
          phone: '13800000001',
          code_hash: 'x',
          created_at: at(OLD),
          expires_at: at(OLD),
          attempts: 0,
          used_at: null,
        },
        {
          id: 'hk_code_new',
          phone: '13800000001',
          code_hash: 'x',
          created_at: at(-0.5),
          expires_at: at(-0.4),
          attempts: 0,
          used_at: null,
        },
      ])
      .execute()
    await db
      .insertInto('staff_sign_in_attempts')
      .values([
        { id: 'hk_try_old', staff_no: 'H1001', at: at(OLD), ok: 0 },
        { id: 'hk_try_new', staff_no: 'H1001', at: at(-0.1), ok: 0 },
      ])
      .execute()
    await db
      .insertInto('wechat_link_tickets')
      .values([
        {
          token_hash: 'hk_ticket_used',
          openid: 'o1',
          unionid: null,
          created_at: at(-100),
          expires_at: at(100),
          used_at: at(OLD),
        },
        {
          token_hash: 'hk_ticket_expired',
          openid: 'o2',
          unionid: null,
          created_at: at(-100),
          expires_at: at(OLD),
          used_at: null,
        },
        {
          token_hash: 'hk_ticket_live',
          openid: 'o3',
          unionid: null,
          created_at: at(-0.1),
          expires_at: at(1),
          used_at: null,
        },
      ])
      .execute()

    const purged = await purgeExpired(db, manualClock(NOW))
    expect(purged).toMatchObject({
      sessions: 2,
      staffSessions: 1,
      phoneCodes: 1,
      staffSignInAttempts: 1,
      wechatLinkTickets: 2,
    })
    const left = async (table: 'sessions' | 'staff_sessions' | 'wechat_link_tickets') =>
      (await db.selectFrom(table).select('token_hash').where('token_hash', 'like', 'hk_%').execute())
        .map((r) => r.token_hash)
        .sort()
    expect(await left('sessions')).toEqual(['hk_live', 'hk_recent'])
    expect(await left('staff_sessions')).toEqual(['hk_staff_live'])
    expect(await left('wechat_link_tickets')).toEqual(['hk_ticket_live'])
    expect(
      (await db.selectFrom('phone_codes').select('id').where('id', 'like', 'hk_%').execute()).map(
        (r) => r.id,
      ),
    ).toEqual(['hk_code_new'])
    expect(
      (await db.selectFrom('staff_sign_in_attempts').select('id').where('id', 'like', 'hk_%').execute()).map(
        (r) => r.id,
      ),
    ).toEqual(['hk_try_new'])

    // Nothing left to do: a second pass (or another instance's) purges nothing.
    expect(Object.values(await purgeExpired(db, manualClock(NOW))).every((n) => n === 0)).toBe(true)
  })
})
