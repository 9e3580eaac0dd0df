/**
 * 为谁办理 in the mini-program: switching to act for a family member and back keeps the family
 * member's own session aside, renews before the token runs out, and the resident's trail names
 * the family member who acted.
 */
import type { AuditEntryView } from '@bangban/core/api/audit'
import type { FamilyTokenResponse } from '@bangban/core/api/family'
import type { ResidentSummary } from '@bangban/core/api/identity'
import { createI18n } from '@bangban/core/i18n'
import { actingStep, RENEW_BEFORE_MS, renewActing, startActing, stopActing } from '../src/visit/familyActing'
import { auditActor } from '../src/screens/staff/logic'
import { createAppStore, type SessionState } from '../src/state/appStore'

const NOW = Date.parse('2026-12-01T02:00:00.000Z')
const person = (id: string, maskedName: string): ResidentSummary => ({
  id,
  maskedName,
  maskedIdNumber: '110***********1234',
  maskedPhone: null,
})
const own: SessionState = {
  token: 'own-session-token-0001',
  expiresAt: '2026-12-30T00:00:00.000Z',
  resident: person('res_li', '李*'),
}
const tokenFor = (grant: string, name: string, expiresAt = new Date(NOW + 30 * 60_000).toISOString()) =>
  ({
    token: `family-token-${grant}`,
    expiresAt,
    familyGrantId: grant,
    scopes: ['booking', 'payment'],
    resident: person(`res_${grant}`, name),
  }) satisfies FamilyTokenResponse

describe('switching whom one acts for', () => {
  it('acts with the family token and puts the own session back on 切换回自己', () => {
    const store = createAppStore()
    store.update({ session: own })
    startActing(store, tokenFor('fam_wang', '王*明'))
    expect(store.get().session).toEqual({
      token: 'family-token-fam_wang',
      expiresAt: new Date(NOW + 30 * 60_000).toISOString(),
      resident: person('res_fam_wang', '王*明'),
    })
    expect(store.get().family).toMatchObject({
      familyGrantId: 'fam_wang',
      scopes: ['booking', 'payment'],
      own,
    })

    // From acting for one to acting for another: the own session stays the family member's.
    startActing(store, tokenFor('fam_zhao', '赵*'))
    expect(store.get().family?.own).toEqual(own)
    expect(store.get().session?.token).toBe('family-token-fam_zhao')

    stopActing(store)
    expect(store.get().session).toEqual(own)
    expect(store.get().family).toBeNull()
    expect(store.get().familyEnded).toBe(false)
  })

  it('says once that acting ended when the service ended it, and does nothing when not acting', () => {
    const store = createAppStore()
    store.update({ session: own })
    stopActing(store, true)
    expect(store.get()).toMatchObject({ session: own, familyEnded: false })
    startActing(store, tokenFor('fam_wang', '王*明'))
    stopActing(store, true)
    expect(store.get()).toMatchObject({ session: own, family: null, familyEnded: true })
    startActing(store, tokenFor('fam_wang', '王*明'))
    expect(store.get().familyEnded).toBe(false)
  })

  it('needs a signed-in family member', () => {
    const store = createAppStore()
    startActing(store, tokenFor('fam_wang', '王*明'))
    expect(store.get().session).toBeNull()
    expect(store.get().family).toBeNull()
  })

  it('takes a renewed token only for the grant still acted for', () => {
    const store = createAppStore()
    store.update({ session: own })
    startActing(store, tokenFor('fam_wang', '王*明'))
    const later = new Date(NOW + 55 * 60_000).toISOString()
    renewActing(store, tokenFor('fam_wang', '王*明', later))
    expect(store.get().session?.expiresAt).toBe(later)
    // Switched back while the renewal was on its way: it is dropped.
    stopActing(store)
    renewActing(store, tokenFor('fam_wang', '王*明', later))
    expect(store.get().session).toEqual(own)
  })

  it('renews shortly before the token runs out and ends once it has', () => {
    const store = createAppStore()
    store.update({ session: own })
    expect(actingStep(store.get(), NOW)).toBe('none')
    startActing(store, tokenFor('fam_wang', '王*明'))
    const ends = NOW + 30 * 60_000
    expect(actingStep(store.get(), NOW)).toBe('none')
    expect(actingStep(store.get(), ends - RENEW_BEFORE_MS)).toBe('none')
    expect(actingStep(store.get(), ends - RENEW_BEFORE_MS + 1)).toBe('renew')
    expect(actingStep(store.get(), ends - 1)).toBe('renew')
    expect(actingStep(store.get(), ends)).toBe('end')
  })
})

describe('who acted, in the resident’s 代办记录', () => {
  const entry = (actor: AuditEntryView['actor']): AuditEntryView => ({
    seq: 1,
    at: '2026-12-01T02:00:00.000Z',
    action: 'createAppointment',
    actor,
    subject: { id: 'res_wang', maskedName: '王*明' },
    grantId: 'fam_1',
    target: null,
  })

  it.each([
    ['zh-CN', '您的家人 李*', '您本人', '帮办员 张*（工号 H1001）'],
    ['en', 'Your family member 李*', 'You', null],
  ] as const)('in %s', (language, family, self, staff) => {
    const t = createI18n(language).t
    expect(auditActor(t, entry({ kind: 'resident', maskedName: '李*', staffNo: null }))).toBe(family)
    expect(auditActor(t, entry({ kind: 'resident', maskedName: null, staffNo: null }))).toBe(self)
    if (staff)
      expect(auditActor(t, entry({ kind: 'staff', maskedName: '张*', staffNo: 'H1001' }))).toBe(staff)
  })
})
