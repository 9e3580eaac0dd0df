/**
 * 家人代办, apart from the screen: which grants are in force, what each line says, and the card a
 * family member sends in WeChat so the resident can agree with one tap.
 */
import type { TFunction } from 'i18next'
import { parseFamilyQr, type CreatedFamilyGrant, type FamilyGrant } from '@bangban/core/api/family'
import { shanghaiDate } from '@bangban/core/domain/time'
import { displayDate } from '@bangban/core/format/display'
import { pageUrl } from '../../visit/nav'

export function inForce(grants: readonly FamilyGrant[]): FamilyGrant[] {
  return grants.filter((grant) => grant.status === 'active')
}

/** "预约挂号、生活缴费，到 2027年12月1日 星期三" */
export function grantLine(t: TFunction, grant: FamilyGrant): string {
  return t('family.until', {
    jobs: grant.scopes.map((scope) => t(`helper.scopes.${scope}`)).join(t('helper.listSeparator')),
    date: grant.expiresAt ? displayDate(t, shanghaiDate(grant.expiresAt)) : '',
  })
}

/** The WeChat card that opens the request on the resident's phone (扫码授权 with family=…&t=…). */
export function shareCard(
  t: TFunction,
  invite: CreatedFamilyGrant,
  ownName: string,
): { title: string; path: string } {
  const parsed = parseFamilyQr(invite.qrPayload)
  if (!parsed) throw new TypeError('not a family request')
  return {
    title: t('family.shareTitle', { name: ownName }),
    path: pageUrl('scanConsent', { family: parsed.id, t: parsed.qrToken }),
  }
}
