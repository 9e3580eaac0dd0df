/** Staff sign-in: scrypt passwords, roles on routes, sign-out, and limits on guessing. */
import { bearer, describeOnEngines, residents, STAFF_PASSWORD } from './support/service'

describeOnEngines('staff sign-in', (on) => {
  const signIn = (staffNo: string, password: string, lang?: string) =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/staff/sessions',
      headers: lang ? { 'accept-language': lang } : {},
      payload: { staffNo, password },
    })

  it('signs in with the right password, shows the roles, and the token works until signed out', async () => {
    const res = await signIn('g2001', STAFF_PASSWORD)
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body.staff).toEqual({
      id: 'stf-g2001',
      staffNo: 'G2001',
      name: '李网格',
      roles: ['grid-worker'],
      gridId: 'grid-xfl-1',
    })
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password/i)
    expect(
      (await on.service.app.inject({ url: '/api/v1/staff/me', headers: bearer(body.token) })).json().staffNo,
    ).toBe('G2001')
    // Roles are enforced: a grid worker is not an admin.
    expect(
      (await on.service.app.inject({ url: '/api/v1/admin/metrics', headers: bearer(body.token) })).statusCode,
    ).toBe(403)
    // Staff tokens are not resident tokens, and the other way round: on a resident's route a member
    // of staff needs that resident's consent (issue 7).
    const asResident = await on.service.app.inject({ url: '/api/v1/me', headers: bearer(body.token) })
    expect(asResident.statusCode).toBe(403)
    expect(asResident.json().error.code).toBe('CONSENT_REQUIRED')
    const [resident] = await residents(on.service, 1, 990)
    expect(
      (await on.service.app.inject({ url: '/api/v1/staff/me', headers: bearer(resident!.token) })).statusCode,
    ).toBe(401)
    const out = await on.service.app.inject({
      method: 'DELETE',
      url: '/api/v1/staff/sessions/current',
      headers: bearer(body.token),
    })
    expect(out.statusCode).toBe(204)
    expect(
      (await on.service.app.inject({ url: '/api/v1/staff/me', headers: bearer(body.token) })).statusCode,
    ).toBe(401)
  })

  it('refuses a wrong password and an unknown staff number alike, in plain words', async () => {
    const wrong = await signIn('H1001', 'not-the-password', 'en')
    const unknown = await signIn('Z9999', STAFF_PASSWORD, 'en')
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401)
      expect(res.json().error).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: 'The staff number or password is wrong. Please try again.',
      })
    }
    expect((await signIn('H 1001', STAFF_PASSWORD)).statusCode).toBe(400)
  })

  it('locks a staff number after 5 wrong passwords for 15 minutes, even with the right one', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('H1002', `guess-${i}`)).statusCode).toBe(401)
    const locked = await signIn('H1002', STAFF_PASSWORD)
    expect(locked.statusCode).toBe(429)
    expect(locked.json().error.code).toBe('RATE_LIMITED')
    // Other staff are not affected.
    expect((await signIn('A0001', STAFF_PASSWORD)).statusCode).toBe(201)
    on.service.clock.advance(15 * 60_000 + 1000)
    try {
      expect((await signIn('H1002', STAFF_PASSWORD)).statusCode).toBe(201)
    } finally {
      on.service.clock.advance(-(15 * 60_000 + 1000))
    }
  })

  it('limits sign-in attempts per address', async () => {
    const answers = []
    for (let i = 0; i < 25; i++) answers.push((await signIn(`X${1000 + i}`, 'whatever')).statusCode)
    expect(answers).toContain(429)
    expect(answers.filter((s) => s === 401).length).toBeLessThanOrEqual(20)
  })
})
