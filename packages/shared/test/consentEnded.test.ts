/**
 * What the kiosk says when a grant ends under a helper: the service's reason picks the message
 * and the console's notice, so a grant that ran out is never reported as taken back.
 */
import { ApiError, errorMessageKeyOf } from '@bangban/core/api/errors'
import { createI18n, SUPPORTED_LANGUAGES } from '@bangban/core/i18n'
import { delegationEndFor } from '../src/visit/delegationEnd'

const ended = (details?: unknown) => new ApiError('CONSENT_EXPIRED', 403, 'ended', details)

describe('the message for an ended grant', () => {
  it('follows the reason the service gives', () => {
    expect(errorMessageKeyOf(ended({ reason: 'expired' }))).toBe('consentEnded.expired')
    expect(errorMessageKeyOf(ended({ reason: 'revoked' }))).toBe('consentEnded.revoked')
    expect(errorMessageKeyOf(ended({ reason: 'denied' }))).toBe('consentEnded.denied')
    expect(errorMessageKeyOf(ended({ reason: 'answered' }))).toBe('consentEnded.answered')
  })

  it("falls back to the code's own message when the service does not say, or says something unknown", () => {
    expect(errorMessageKeyOf(ended())).toBe('errors.CONSENT_EXPIRED')
    expect(errorMessageKeyOf(ended({ reason: 'lost' }))).toBe('errors.CONSENT_EXPIRED')
    expect(errorMessageKeyOf(ended('revoked'))).toBe('errors.CONSENT_EXPIRED')
    // A reason on another code is not read.
    expect(errorMessageKeyOf(new ApiError('FORBIDDEN', 403, 'x', { reason: 'revoked' }))).toBe(
      'errors.FORBIDDEN',
    )
  })

  it.each(SUPPORTED_LANGUAGES)('says expiry and revocation differently in %s', (language) => {
    const { t } = createI18n(language)
    const expired = t(errorMessageKeyOf(ended({ reason: 'expired' })))
    const revoked = t(errorMessageKeyOf(ended({ reason: 'revoked' })))
    expect(expired).not.toBe(revoked)
    expect(expired).not.toBe(t('errors.CONSENT_EXPIRED'))
  })
})

describe("the helper console's notice when the service ends a delegation", () => {
  it('says revoked only when the service says the resident (or helper) took the grant back', () => {
    expect(delegationEndFor(ended({ reason: 'revoked' }))).toBe('revoked')
    expect(delegationEndFor(ended({ reason: 'expired' }))).toBe('expired')
    expect(delegationEndFor(ended())).toBe('expired')
  })
})
