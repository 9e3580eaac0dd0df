/**
 * CONSENT_EXPIRED says how a grant ended (details.reason), and its message says it plainly: a
 * grant whose time ran out is not reported as taken back by the resident, nor the other way round.
 */
import { bearer, describeOnEngines, residents, staffToken } from './support/service'

describeOnEngines('how a grant ended', (on) => {
  let helper: string
  let resident: { id: string; token: string }
  beforeAll(async () => {
    helper = await staffToken(on.service, 'H1001')
    resident = (await residents(on.service, 1, 870))[0]!
  })

  const post = (url: string, token: string, payload?: object) =>
    on.service.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) })
  const grant = async (minutes?: number) =>
    (
      await post('/api/v1/consents', helper, { scopes: ['booking'], ...(minutes ? { minutes } : {}) })
    ).json() as {
      id: string
      code: string
    }
  const approvedToken = async (minutes?: number) => {
    const { id, code } = await grant(minutes)
    expect((await post(`/api/v1/consents/${id}/approve`, resident.token, { code })).statusCode).toBe(200)
    return { id, token: (await post(`/api/v1/consents/${id}/token`, helper)).json().token as string }
  }
  /** A delegated call's refusal, in the language asked for. */
  const refusal = async (token: string, language = 'zh-CN') => {
    const answer = await on.service.app.inject({
      url: '/api/v1/appointments',
      headers: { ...bearer(token), 'accept-language': language },
    })
    expect(answer.statusCode).toBe(403)
    return answer.json().error as { code: string; message: string; details: { reason: string } }
  }
  const withClockAdvanced = async <T>(ms: number, run: () => Promise<T>) => {
    on.service.clock.advance(ms)
    try {
      return await run()
    } finally {
      on.service.clock.advance(-ms)
    }
  }

  it('tells a grant that ran out from one the resident took back, in every language', async () => {
    const short = await approvedToken(5)
    const expired = await withClockAdvanced(5 * 60_000 + 1, () => refusal(short.token))
    const taken = await approvedToken()
    expect((await post(`/api/v1/consents/${taken.id}/revoke`, resident.token)).statusCode).toBe(200)
    const revoked = await refusal(taken.token)

    expect(expired).toMatchObject({ code: 'CONSENT_EXPIRED', details: { reason: 'expired' } })
    expect(revoked).toMatchObject({ code: 'CONSENT_EXPIRED', details: { reason: 'revoked' } })
    expect(expired.message).toContain('时间已到')
    expect(expired.message).not.toContain('收回')
    expect(revoked.message).toContain('收回')
    for (const language of ['zh-HK', 'en']) {
      const a = await withClockAdvanced(5 * 60_000 + 1, () => refusal(short.token, language))
      const b = await refusal(taken.token, language)
      expect(a.message).not.toBe(b.message)
    }
  })

  it('reports a grant the helper ended (结束代办) as revoked too', async () => {
    const ended = await approvedToken()
    expect((await post(`/api/v1/consents/${ended.id}/revoke`, helper)).statusCode).toBe(200)
    expect((await refusal(ended.token)).details.reason).toBe('revoked')
  })

  it('names the end when the token is asked for after the grant ended or was refused', async () => {
    const { id, code } = await grant()
    expect((await post(`/api/v1/consents/${id}/deny`, resident.token, { code })).statusCode).toBe(200)
    const denied = (await post(`/api/v1/consents/${id}/token`, helper)).json().error
    expect(denied).toMatchObject({ code: 'CONSENT_EXPIRED', details: { reason: 'denied' } })

    const lapsed = await grant()
    const late = await withClockAdvanced(10 * 60_000 + 1, async () => ({
      answer: (
        await post(`/api/v1/consents/${lapsed.id}/approve`, resident.token, { code: lapsed.code })
      ).json().error,
      token: (await post(`/api/v1/consents/${lapsed.id}/token`, helper)).json().error,
    }))
    expect(late.answer.details).toEqual({ reason: 'expired' })
    expect(late.token.details).toEqual({ reason: 'expired' })
  })

  it('tells a second answer that the request was already answered', async () => {
    const { id, code } = await grant()
    expect((await post(`/api/v1/consents/${id}/approve`, resident.token, { code })).statusCode).toBe(200)
    const again = (await post(`/api/v1/consents/${id}/deny`, resident.token, { code })).json().error
    expect(again).toMatchObject({ code: 'CONSENT_EXPIRED', details: { reason: 'answered' } })
  })
})
