/**
 * Issue 19, D10: QR tokens (and any token-like query parameter) never reach the request log. The
 * phone flow reads a grant with `?qrToken=…`; the log shows the request with the value redacted.
 */
import { Writable } from 'node:stream'
import pino from 'pino'
import { LOG_REDACT_PATHS } from '../src/http/app'
import { redactUrl } from '../src/http/logging'
import {
  bearer,
  describeOnEngines,
  residents,
  startService,
  staffToken,
  type Started,
} from './support/service'

type Logged = Started & { logLines: string[] }

describe('redactUrl', () => {
  it('takes the values of secret-looking parameters out, keeps the rest', () => {
    expect(redactUrl('/api/v1/consents/cst_1?qrToken=abc&lang=en')).toBe(
      '/api/v1/consents/cst_1?qrToken=[REDACTED]&lang=en',
    )
    expect(redactUrl('/x?access_token=1&code=2&signature=3&apiKey=4&date=2026-12-01')).toBe(
      '/x?access_token=[REDACTED]&code=[REDACTED]&signature=[REDACTED]&apiKey=[REDACTED]&date=2026-12-01',
    )
    expect(redactUrl('/x?%71rToken=abc')).toBe('/x?%71rToken=[REDACTED]')
    // A utility account number names a household (the operator trial found it in the log).
    expect(redactUrl('/api/v1/bills?accountNo=3100123456&billerId=b1')).toBe(
      '/api/v1/bills?accountNo=[REDACTED]&billerId=b1',
    )
    expect(redactUrl('/api/v1/slots?serviceId=svc-general&date=2026-12-02')).toBe(
      '/api/v1/slots?serviceId=svc-general&date=2026-12-02',
    )
  })
})

describeOnEngines(
  'request logs',
  {
    start: async (database): Promise<Logged> => {
      const logLines: string[] = []
      const sink = new Writable({
        write(chunk, _enc, done) {
          logLines.push(String(chunk))
          done()
        },
      })
      const logger = pino({ level: 'info', redact: LOG_REDACT_PATHS }, sink)
      return Object.assign(await startService(database, undefined, { logger }), { logLines })
    },
  },
  (on) => {
    it('never contain a consent or family QR token', async () => {
      const helper = await staffToken(on.service, 'H1001')
      const [resident, member] = await residents(on.service, 2, 970)
      const consent = (
        await on.service.app.inject({
          method: 'POST',
          url: '/api/v1/consents',
          headers: bearer(helper),
          payload: { scopes: ['payment'] },
        })
      ).json() as { id: string; qrPayload: string }
      const consentToken = new URL(consent.qrPayload.replace('bangban://', 'http://x/')).searchParams.get(
        't',
      )!
      const viewed = await on.service.app.inject({
        url: `/api/v1/consents/${consent.id}?qrToken=${consentToken}`,
        headers: bearer(resident!.token),
      })
      expect(viewed.statusCode).toBe(200)
      const family = (
        await on.service.app.inject({
          method: 'POST',
          url: '/api/v1/family-grants',
          headers: bearer(member!.token),
          payload: { scopes: ['payment'] },
        })
      ).json() as { id: string; qrPayload: string }
      const familyToken = new URL(family.qrPayload.replace('bangban://', 'http://x/')).searchParams.get('t')!
      const familyViewed = await on.service.app.inject({
        url: `/api/v1/family-grants/${family.id}?qrToken=${familyToken}`,
        headers: bearer(resident!.token),
      })
      expect(familyViewed.statusCode).toBe(200)
      const log = on.service.logLines.join('')
      expect(log).toContain(`/api/v1/consents/${consent.id}?qrToken=[REDACTED]`)
      expect(log).toContain(`/api/v1/family-grants/${family.id}?qrToken=[REDACTED]`)
      expect(log).not.toContain(consentToken)
      expect(log).not.toContain(familyToken)
    })
  },
)
