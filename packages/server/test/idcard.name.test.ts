/**
 * Issue 19, D7: ID-card sign-in checks the name read from the card against the one on record
 * (kept as an HMAC, like the number). The kiosk key and someone's ID number with another name are
 * refused as a wrong number; a resident recorded before the HMAC was kept gets it at the next
 * sign-in with the right name.
 */
import { describeOnEngines, KIOSK_KEY } from './support/service'

const DEMO = { name: '王小明', idNumber: '11010519491231002X' }

describeOnEngines('ID-card sign-in and the name on the card', (on) => {
  let n = 0
  const idCard = (name: string, idNumber = DEMO.idNumber) =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/id-card',
      headers: { 'x-kiosk-key': KIOSK_KEY, 'x-forwarded-for': `10.50.0.${++n}` },
      payload: { name, idNumber },
    })

  it('signs in with the name on record, refuses another', async () => {
    expect((await idCard(DEMO.name)).statusCode).toBe(201)
    expect((await idCard('王 小明')).statusCode).toBe(201)
    const guessed = await idCard('张三')
    expect(guessed.statusCode).toBe(400)
    expect(guessed.json().error).toMatchObject({ code: 'INVALID_ID_NUMBER', details: { problem: 'name' } })
    expect(guessed.body).not.toContain('王')
  })

  it('keeps the name as an HMAC, given to residents recorded before at their next sign-in', async () => {
    const row = () =>
      on.service.ctx.db
        .selectFrom('residents')
        .select(['id', 'name_hmac'])
        .where('name', '=', DEMO.name)
        .executeTakeFirstOrThrow()
    expect((await row()).name_hmac).toMatch(/^[0-9a-f]{64}$/)
    await on.service.ctx.db
      .updateTable('residents')
      .set({ name_hmac: null })
      .where('id', '=', (await row()).id)
      .execute()
    expect((await idCard('李四')).statusCode).toBe(400)
    expect((await row()).name_hmac).toBeNull()
    expect((await idCard(DEMO.name)).statusCode).toBe(201)
    expect((await row()).name_hmac).toMatch(/^[0-9a-f]{64}$/)
  })
})
