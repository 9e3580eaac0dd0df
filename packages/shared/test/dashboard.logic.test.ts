/** The operators' dashboard's pure rules: bar lengths, figures, audit ranges and sentences. */
import type { AuditEntryView } from '@bangban/core/api/audit'
import { contract, type RouteDef } from '@bangban/core/api/contract'
import { resources, SUPPORTED_LANGUAGES } from '@bangban/core/i18n'
import { auditActionKey } from '@bangban/core/i18n/auditAction'
import { staffLanding } from '../src/screens/staff/logic'
import {
  auditRange,
  auditSentence,
  hoursAndMinutes,
  minutesBetween,
  percent,
  staffNoQuery,
} from '../src/screens/staff/dashboard'
import { barShare, MIN_BAR } from '../src/ui/bars'

describe('dashboard rules', () => {
  it('draws bars as shares of the longest, a non-zero one never vanishing', () => {
    expect(barShare(0, 10)).toBe(0)
    expect(barShare(5, 0)).toBe(0)
    expect(barShare(10, 10)).toBe(1)
    expect(barShare(5, 10)).toBe(0.5)
    expect(barShare(1, 1000)).toBe(MIN_BAR)
  })

  it('reads rates as whole percents and durations as hours and minutes', () => {
    expect(percent(2 / 3)).toBe(67)
    expect(percent(null)).toBeNull()
    expect(hoursAndMinutes(90)).toEqual({ hours: 1, minutes: 30 })
    expect(hoursAndMinutes(59.6)).toEqual({ hours: 1, minutes: 0 })
    expect(hoursAndMinutes(null)).toBeNull()
    expect(minutesBetween('2026-12-01T00:00:00.000Z', '2026-12-01T01:30:59.000Z')).toBe(90)
    expect(minutesBetween('2026-12-01T02:00:00.000Z', '2026-12-01T01:00:00.000Z')).toBe(0)
  })

  it('takes audit ranges from the service’s Shanghai day', () => {
    expect(auditRange('today', '2026-12-01')).toEqual({
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-01T16:00:00.000Z',
    })
    expect(auditRange('week', '2026-12-01').from).toBe('2026-11-24T16:00:00.000Z')
    expect(auditRange('month', '2026-12-01').from).toBe('2026-11-01T16:00:00.000Z')
  })

  it('sends only what can be a staff number', () => {
    expect(staffNoQuery(' h1001 ')).toBe('H1001')
    expect(staffNoQuery('H')).toBeNull()
    expect(staffNoQuery('张帮办')).toBeNull()
  })

  it('tells each audit line by who acted and for whom', () => {
    const entry = (actor: AuditEntryView['actor']['kind'], subject: boolean): AuditEntryView => ({
      seq: 1,
      at: '2026-12-01T01:00:00.000Z',
      action: 'createAppointment',
      actor: { kind: actor, maskedName: null, staffNo: null },
      subject: subject ? { id: 'r1', maskedName: '王*明' } : null,
      grantId: null,
      target: null,
    })
    expect(auditSentence(entry('staff', true))).toBe('byStaffFor')
    expect(auditSentence(entry('staff', false))).toBe('byStaff')
    expect(auditSentence(entry('resident', true))).toBe('byResident')
    expect(auditSentence(entry('system', false))).toBe('bySystem')
  })

  it('opens staff mode on the dashboard for administrators, the console for helpers and after a visit', () => {
    expect(staffLanding(['admin', 'helper'])).toBe('adminDashboard')
    expect(staffLanding(['admin'])).toBe('adminDashboard')
    expect(staffLanding(['helper'])).toBe('staffConsole')
    expect(staffLanding(['admin', 'helper'], 'ended')).toBe('staffConsole')
  })

  it('has plain words for every action staff can leave in the audit trail, in every language', () => {
    // Consent steps record themselves under consent.* names; staffMe and getConsent are polling.
    const notRecorded = new Set([
      'staffMe',
      'getConsent',
      'createConsent',
      'issueDelegatedToken',
      'revokeConsent',
    ])
    const byStaff = Object.entries(contract as Record<string, RouteDef>)
      .filter(([, def]) => {
        const auth = typeof def.auth === 'string' ? [def.auth] : def.auth
        return auth.includes('staff') || def.scope !== undefined
      })
      .map(([name]) => name)
      .filter((name) => !notRecorded.has(name))
    const events = [
      'consent.requested',
      'consent.approved',
      'consent.denied',
      'consent.token-issued',
      'consent.revoked',
    ]
    const payments = ['counter-cash', 'wechat-native', 'wechat-jsapi'].map((m) => `createPayment.${m}`)
    for (const lang of SUPPORTED_LANGUAGES) {
      const actions = (
        resources[lang] as unknown as { dashboard: { audit: { actions: Record<string, string> } } }
      ).dashboard.audit.actions
      for (const action of [...byStaff, ...events, ...payments, 'signInWithIdCard', 'signInWithPhone'])
        expect([action, actions[auditActionKey(action)]]).toEqual([action, expect.any(String)])
    }
  })
})
