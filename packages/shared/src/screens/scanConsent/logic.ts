/**
 * 扫码授权, apart from the screen: what a scanned code is (a helper's request at the counter, or a
 * family member's 亲友代办 request), what the resident is told about it (who asks, for which jobs,
 * for how long), and where the flow stands.
 */
import type { TFunction } from 'i18next'
import { parseConsentQr, type Consent } from '@bangban/core/api/consents'
import { parseFamilyQr, type FamilyGrant } from '@bangban/core/api/family'

export interface Scanned {
  readonly kind: 'helper' | 'family'
  readonly id: string
  readonly qrToken: string
}

/** A scanned code, or null when it is not one of ours (another app's, a payment code …). */
export function readConsentQr(text: string | null): Scanned | null {
  if (text === null) return null
  const helper = parseConsentQr(text)
  if (helper) return { kind: 'helper', ...helper }
  const family = parseFamilyQr(text)
  return family ? { kind: 'family', ...family } : null
}

/** A family member's request opened from the card they sent in WeChat (page query family=…&t=…). */
export function familyFromParams(params: Record<string, string | undefined>): Scanned | null {
  const { family: id, t: qrToken } = params
  if (!id || !qrToken || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || !/^[A-Za-z0-9_-]{16,64}$/.test(qrToken))
    return null
  return { kind: 'family', id, qrToken }
}

/** The request being answered: a helper's grant, or a family member's. */
export type Request =
  | { readonly kind: 'helper'; readonly grant: Consent }
  | { readonly kind: 'family'; readonly grant: FamilyGrant }

function jobsOf(t: TFunction, scopes: readonly string[]): string {
  return scopes.map((scope) => t(`helper.scopes.${scope}`)).join(t('helper.listSeparator'))
}

/** "帮办员 张*（工号 H1001）请求代您办理：预约挂号、生活缴费，有效 30 分钟。" or the family member's. */
export function consentAsk(t: TFunction, request: Request): string {
  if (request.kind === 'family') {
    const { member, scopes } = request.grant
    return t(member.maskedPhone ? 'scanConsent.familyAsks' : 'scanConsent.familyAsksNoPhone', {
      member: member.maskedName,
      phone: member.maskedPhone ?? '',
      jobs: jobsOf(t, scopes),
    })
  }
  const { helper, scopes, minutes } = request.grant
  return t('scanConsent.asks', {
    helper: helper.maskedName,
    staffNo: helper.staffNo,
    jobs: jobsOf(t, scopes),
    minutes,
  })
}

/**
 * The same, read aloud with what to press. Its placeholders carry the names the voice clips are
 * planned with (a staff number is read like a ticket number, letter then digits).
 */
export function consentAskSpoken(t: TFunction, request: Request): string {
  if (request.kind === 'family')
    return t('voice.scanConsent.familyAsk', {
      name: request.grant.member.maskedName,
      service: jobsOf(t, request.grant.scopes),
    })
  const { helper, scopes, minutes } = request.grant
  return t('voice.scanConsent.ask', {
    name: helper.maskedName,
    ticket: helper.staffNo,
    service: jobsOf(t, scopes),
    count: minutes,
  })
}

export type ScanStep =
  | { readonly kind: 'scan' }
  | { readonly kind: 'ask'; readonly scanned: Scanned; readonly request: Request }
  | { readonly kind: 'done'; readonly request: Request }

/** Where a fetched or answered request leaves the flow: still to answer, or nothing left to do. */
export function stepFor(scanned: Scanned, request: Request): ScanStep {
  return request.grant.status === 'pending' ? { kind: 'ask', scanned, request } : { kind: 'done', request }
}

export type Outcome = 'approved' | 'denied' | 'revoked' | 'lapsed' | 'familyApproved'

/** What the resident is told once there is nothing to answer (shown under scanConsent., said under voice.scanConsent.). */
export function outcomeOf(request: Request): Outcome {
  const { status } = request.grant
  if (status === 'active' || status === 'approved')
    return request.kind === 'family' ? 'familyApproved' : 'approved'
  return status === 'denied' || status === 'revoked' ? status : 'lapsed'
}
