import type { Consent } from '@bangban/core/api/consents'
import type { FamilyGrant } from '@bangban/core/api/family'
import { createI18n } from '@bangban/core/i18n'
import {
  consentAsk,
  consentAskSpoken,
  familyFromParams,
  outcomeOf,
  readConsentQr,
  stepFor,
  type Request,
} from '../src/screens/scanConsent/logic'

const consent = (over: Partial<Consent> = {}): Request => ({
  kind: 'helper',
  grant: {
    id: 'con_1',
    status: 'pending',
    scopes: ['booking', 'payment'],
    minutes: 30,
    helper: { maskedName: '张*', staffNo: 'H1001' },
    resident: null,
    requestedAt: '2026-12-01T00:00:00.000Z',
    pendingUntil: '2026-12-01T00:10:00.000Z',
    approvedAt: null,
    expiresAt: null,
    endedAt: null,
    ...over,
  },
})

const family = (over: Partial<FamilyGrant> = {}): Request => ({
  kind: 'family',
  grant: {
    id: 'fam_1',
    status: 'pending',
    scopes: ['booking', 'payment', 'request'],
    member: { maskedName: '李*', maskedPhone: '139****0001' },
    resident: null,
    requestedAt: '2026-12-01T00:00:00.000Z',
    pendingUntil: '2026-12-01T00:15:00.000Z',
    approvedAt: null,
    expiresAt: null,
    endedAt: null,
    ...over,
  },
})

describe('扫码授权', () => {
  it('reads a helper’s and a family member’s codes, and nothing else', () => {
    expect(readConsentQr('bangban://consent?id=con_1&t=abcdefghijklmnop')).toEqual({
      kind: 'helper',
      id: 'con_1',
      qrToken: 'abcdefghijklmnop',
    })
    expect(readConsentQr('  bangban://consent?id=con_1&t=abcdefghijklmnop\n')).not.toBeNull()
    expect(readConsentQr('bangban://family?id=fam_1&t=abcdefghijklmnop')).toEqual({
      kind: 'family',
      id: 'fam_1',
      qrToken: 'abcdefghijklmnop',
    })
    expect(readConsentQr('weixin://wxpay/bizpayurl?pr=abc')).toBeNull()
    expect(readConsentQr('https://example.com/consent?id=con_1&t=x')).toBeNull()
    expect(readConsentQr(null)).toBeNull()
  })

  it('opens a family member’s request from the card they sent, and only a well-formed one', () => {
    expect(familyFromParams({ family: 'fam_1', t: 'abcdefghijklmnop' })).toEqual({
      kind: 'family',
      id: 'fam_1',
      qrToken: 'abcdefghijklmnop',
    })
    expect(familyFromParams({ family: 'fam_1', t: 'short' })).toBeNull()
    expect(familyFromParams({ family: '../x', t: 'abcdefghijklmnop' })).toBeNull()
    expect(familyFromParams({})).toBeNull()
  })

  it('says who asks, for which jobs and for how long, in each language', () => {
    expect(consentAsk(createI18n('zh-CN').t, consent())).toBe(
      '帮办员 张*（工号 H1001）请求代您办理：预约挂号、生活缴费，有效 30 分钟。',
    )
    expect(consentAsk(createI18n('en').t, consent({ scopes: ['request'], minutes: 60 }))).toBe(
      'Helper 张* (staff number H1001) asks to act for you: Report a problem, for 60 minutes.',
    )
    expect(consentAskSpoken(createI18n('zh-CN').t, consent())).toBe(
      '帮办员 张*，工号 H1001，请求代您办理：预约挂号、生活缴费，有效 30 分钟。同意请按同意，不同意请按拒绝。',
    )
    expect(consentAskSpoken(createI18n('zh-HK').t, consent())).toContain('H1001')
    expect(consentAsk(createI18n('zh-CN').t, family())).toBe(
      '家人 李*（手机 139****0001）请求代您办理：预约挂号、生活缴费、反映问题，有效一年。',
    )
    expect(
      consentAsk(createI18n('zh-CN').t, family({ member: { maskedName: '李*', maskedPhone: null } })),
    ).toBe('家人 李* 请求代您办理：预约挂号、生活缴费、反映问题，有效一年。')
    expect(consentAskSpoken(createI18n('zh-CN').t, family())).toContain('有效一年，您可以随时收回')
  })

  it('asks only while the request is pending; otherwise says how it ended', () => {
    const scanned = { kind: 'helper' as const, id: 'con_1', qrToken: 'abcdefghijklmnop' }
    expect(stepFor(scanned, consent()).kind).toBe('ask')
    for (const status of ['approved', 'denied', 'revoked', 'expired'] as const) {
      expect(stepFor(scanned, consent({ status })).kind).toBe('done')
    }
    expect(outcomeOf(consent({ status: 'approved' }))).toBe('approved')
    expect(outcomeOf(consent({ status: 'expired' }))).toBe('lapsed')
    expect(outcomeOf(family({ status: 'active' }))).toBe('familyApproved')
    expect(outcomeOf(family({ status: 'denied' }))).toBe('denied')
  })
})
