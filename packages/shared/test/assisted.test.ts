import fc from 'fast-check'
import type { AuditEntryView } from '@bangban/core/api/audit'
import { createI18n, resources } from '@bangban/core/i18n'
import { auditActionKey } from '@bangban/core/i18n/auditAction'
import { assistedEntries, changeFen, groupCode, yuanDigitsToFen } from '../src/screens/staff/logic'
import { allows, hasExpired, minutesLeft } from '../src/visit/grant'
import { createAppStore, initialAppState } from '../src/state/appStore'
import { contract } from '@bangban/core/api/contract'

const NOW = Date.parse('2026-11-29T02:00:00.000Z')
const at = (ms: number) => new Date(NOW + ms).toISOString()

describe('the grant countdown', () => {
  it.each([
    [30 * 60_000, 30],
    [24 * 60_000 + 1, 25],
    [24 * 60_000, 24],
    [23 * 60_000 + 59_999, 24],
    [61_000, 2],
    [30_000, 1],
    [1, 1],
    [0, 0],
    [-5_000, 0],
  ])('%i ms left reads %i minutes', (ms, minutes) => {
    expect(minutesLeft(at(ms), NOW)).toBe(minutes)
  })

  it('never shows 0 minutes while the grant still holds, and is over exactly at its end', () => {
    fc.assert(
      fc.property(fc.integer({ min: -7_200_000, max: 7_200_000 }), (ms) => {
        const left = minutesLeft(at(ms), NOW)
        expect(hasExpired(at(ms), NOW)).toBe(ms <= 0)
        expect(left === 0).toBe(ms <= 0)
        expect(left).toBeGreaterThanOrEqual(0)
        if (ms > 0) expect(left * 60_000).toBeGreaterThanOrEqual(ms)
      }),
    )
  })

  it('treats an unreadable time as ended', () => {
    expect(hasExpired('not a time', NOW)).toBe(true)
    expect(minutesLeft('not a time', NOW)).toBe(0)
  })

  it('reads as the brief says, in every language', () => {
    expect(createI18n('zh-CN').t('helper.banner', { name: '王*明', minutes: 24 })).toBe(
      '正在为 王*明 代办 · 剩余 24 分钟',
    )
    expect(createI18n('en').t('helper.banner', { name: '王*明', minutes: 24 })).toBe(
      'Acting for 王*明 · 24 min left',
    )
    expect(createI18n('zh-HK').t('helper.banner', { name: '王*明', minutes: 24 })).toContain('24 分鐘')
  })
})

describe('scopes and cash', () => {
  it('allows everything outside delegation, and only the granted jobs within it', () => {
    expect(allows(null, 'payment')).toBe(true)
    const d = { scopes: ['booking', 'request'] as const }
    expect(allows({ scopes: [...d.scopes] }, 'booking')).toBe(true)
    expect(allows({ scopes: [...d.scopes] }, 'payment')).toBe(false)
  })

  it('groups the code for reading', () => {
    expect(groupCode('042917')).toBe('042 917')
    expect(groupCode('12')).toBe('12')
  })

  it('counts cash in whole yuan and works out the change', () => {
    expect(yuanDigitsToFen('50')).toBe(5000)
    expect(yuanDigitsToFen('')).toBe(0)
    expect(yuanDigitsToFen('1a')).toBe(0)
    expect(changeFen(3650, 5000)).toBe(1350)
    expect(changeFen(3650, 3650)).toBe(0)
    expect(changeFen(3650, 3600)).toBeNull()
  })
})

describe('the 代帮办 trail in plain words', () => {
  it.each([
    ['createAppointment', 'createAppointment'],
    ['consent.approved', 'consentApproved'],
    ['consent.token-issued', 'consentTokenIssued'],
    ['a.', 'a'],
    ['..', 'generic'],
    ['', 'generic'],
    ['9lives', 'generic'],
  ])('%s → auditActions.%s', (action, key) => {
    expect(auditActionKey(action)).toBe(key)
  })

  it('has words for every resident operation a helper can call with a grant, in every language', () => {
    const scoped = Object.entries(contract)
      .filter(([, def]) => 'scope' in def && def.scope !== undefined)
      .map(([name]) => name)
    expect(scoped.length).toBeGreaterThan(5)
    for (const name of scoped) expect(Object.keys(resources['zh-CN'].auditActions)).toContain(name)
    for (const event of ['requested', 'approved', 'denied', 'token-issued', 'revoked'])
      expect(Object.keys(resources.en.auditActions)).toContain(auditActionKey(`consent.${event}`))
  })

  it('falls back to a generic line for an action it does not know', () => {
    const t = createI18n('zh-CN').t
    expect(
      t(`auditActions.${auditActionKey('somethingNew')}`, { defaultValue: t('auditActions.generic') }),
    ).toBe('办理了一项业务')
  })

  it('keeps what helpers did and what was done under a grant, not the resident’s own sign-ins', () => {
    const entry = (
      seq: number,
      kind: AuditEntryView['actor']['kind'],
      grantId: string | null,
    ): AuditEntryView => ({
      seq,
      at: at(seq),
      action: 'x',
      actor: { kind, maskedName: null, staffNo: null },
      subject: null,
      grantId,
      target: null,
    })
    const shown = assistedEntries([
      entry(1, 'resident', null),
      entry(2, 'resident', 'cst_1'),
      entry(3, 'staff', 'cst_1'),
    ])
    expect(shown.map((e) => e.seq)).toEqual([2, 3])
  })
})

describe('the visit state', () => {
  it('starts and resets with no helper and no delegation (the wipe leaves nothing)', () => {
    const store = createAppStore()
    store.update({
      staff: {
        token: 's',
        expiresAt: at(60_000),
        staff: { id: 'st1', staffNo: 'H1001', name: 'x', roles: ['helper'], gridId: null },
        language: 'en',
      },
      delegation: {
        consentId: 'cst_1',
        resident: { id: 'r1', maskedName: '王*明', maskedIdNumber: null, maskedPhone: null },
        expiresAt: at(60_000),
        scopes: ['booking'],
        helperName: 'x',
        staffNo: 'H1001',
      },
      delegationEnded: 'ended',
    })
    store.reset()
    expect(store.get()).toEqual(initialAppState)
    expect(initialAppState).toMatchObject({
      staff: null,
      delegation: null,
      delegationEnded: null,
      session: null,
    })
  })
})
