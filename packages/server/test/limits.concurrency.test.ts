/**
 * Issue 19, D3: limited counters hold under simultaneous tries, on both engines. A burst of wrong
 * consent codes with the right one among them never approves the grant (5 tries, counted before
 * the code is compared), and the same holds for SMS sign-in codes and staff passwords.
 */
import { MAX_WRONG_CODES } from '../src/consents/state'
import { MAX_ATTEMPTS } from '../src/auth/phoneCodes'
import { MAX_FAILURES } from '../src/auth/staffSessions'
import type { SmsProvider } from '../src/auth/sms'
import {
  bearer,
  describeOnEngines,
  residents,
  startService,
  STAFF_PASSWORD,
  staffToken,
  type Started,
} from './support/service'

/** Codes sent, by phone number (the SMS stand-in of this test). */
const outbox = new Map<string, string>()
const sms: SmsProvider = {
  name: 'test',
  sendCode: async (phone: string, code: string) => {
    outbox.set(phone, code)
  },
}

const BURST = 80
const RIGHT_AT = 40

/** The i-th wrong code: never the right one. */
function wrongCode(right: string, i: number): string {
  return ((Number(right) + 1 + i) % 1_000_000).toString().padStart(6, '0')
}

describeOnEngines(
  'limited tries under a burst',
  { start: (database, like?: Started) => startService(database, like?.clock, { sms }) },
  (on) => {
    it('a burst of consent codes with the right one in it never approves the grant', async () => {
      const helper = await staffToken(on.service, 'H1001')
      const [resident] = await residents(on.service, 1, 950)
      for (let round = 0; round < 3; round++) {
        const created = await on.service.app.inject({
          method: 'POST',
          url: '/api/v1/consents',
          headers: bearer(helper),
          payload: { scopes: ['payment'] },
        })
        const { id, code } = created.json() as { id: string; code: string }
        const answers = await Promise.all(
          Array.from({ length: BURST }, (_, i) =>
            on.service.app.inject({
              method: 'POST',
              url: `/api/v1/consents/${id}/approve`,
              // Each from its own address: the per-address limit is not what is tested here.
              headers: { ...bearer(resident!.token), 'x-forwarded-for': `10.30.${round}.${i}` },
              payload: { code: i === RIGHT_AT ? code : wrongCode(code, i) },
            }),
          ),
        )
        const statuses = answers.map((a) => a.statusCode)
        expect(statuses.filter((s) => s === 200)).toEqual([])
        expect(new Set(answers.map((a) => a.json().error?.code))).toEqual(new Set(['CODE_INVALID']))
        const row = await on.service.ctx.db
          .selectFrom('consents')
          .select(['status', 'wrong_codes'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        expect(row.status).toBe('pending')
        expect(row.wrong_codes).toBeLessThanOrEqual(MAX_WRONG_CODES)
      }
    })

    it('a burst of SMS codes with the right one in it signs in at most within the limit', async () => {
      const phone = '13900139077'
      const sent = await on.service.app.inject({
        method: 'POST',
        url: '/api/v1/sessions/phone-code',
        headers: { 'x-forwarded-for': '10.31.0.1' },
        payload: { phone },
      })
      expect(sent.statusCode).toBe(201)
      const code = outbox.get(phone)!
      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          on.service.app.inject({
            method: 'POST',
            url: '/api/v1/sessions/phone',
            headers: { 'x-forwarded-for': `10.31.1.${i}` },
            payload: { phone, code: i === RIGHT_AT ? code : wrongCode(code, i) },
          }),
        ),
      )
      expect(answers.filter((a) => a.statusCode === 201)).toEqual([])
      const row = await on.service.ctx.db
        .selectFrom('phone_codes')
        .select('attempts')
        .where('phone', '=', phone)
        .executeTakeFirstOrThrow()
      expect(row.attempts).toBeLessThanOrEqual(MAX_ATTEMPTS)
    })

    it('a burst of staff passwords with the right one in it is refused past the limit', async () => {
      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          on.service.app.inject({
            method: 'POST',
            url: '/api/v1/staff/sessions',
            headers: { 'x-forwarded-for': `10.32.0.${i}` },
            payload: { staffNo: 'H1002', password: i === RIGHT_AT ? STAFF_PASSWORD : `wrong-password-${i}` },
          }),
        ),
      )
      const checked = answers.filter((a) => a.statusCode !== 429)
      // At most MAX_FAILURES passwords were compared; the right one is at RIGHT_AT, far past them.
      expect(checked.length).toBeLessThanOrEqual(MAX_FAILURES + 1)
      expect(answers.filter((a) => a.statusCode === 201).length).toBeLessThanOrEqual(1)
    })
  },
)
