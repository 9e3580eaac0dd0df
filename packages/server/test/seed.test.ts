import { contract } from '@bangban/core/api'
import { verifyPassword } from '../src/auth/passwords'
import { DEMO_ACCOUNTS } from '../src/seed/demo'
import { describeOnEngines, STAFF_PASSWORD, startService } from './support/service'

describeOnEngines('demo data and OpenAPI', (on) => {
  it('has staff with hashed passwords, grids with on-duty grid workers and request categories', async () => {
    const staff = await on.service.ctx.db.selectFrom('staff').selectAll().execute()
    expect(staff.map((s) => s.staff_no)).toEqual(expect.arrayContaining(['H1001', 'G2001', 'A0001']))
    const helper = staff.find((s) => s.staff_no === 'H1001')!
    expect(helper.password_hash).not.toContain(STAFF_PASSWORD)
    expect(await verifyPassword(STAFF_PASSWORD, helper.password_hash)).toBe(true)
    expect(await verifyPassword('wrong-pass', helper.password_hash)).toBe(false)
    const grids = await on.service.ctx.db.selectFrom('grids').select('id').execute()
    for (const grid of grids)
      expect(
        staff.some((s) => s.grid_id === grid.id && s.on_duty === 1 && s.roles.includes('grid-worker')),
      ).toBe(true)
    expect(
      (await on.service.ctx.db.selectFrom('request_categories').select('id').execute()).length,
    ).toBeGreaterThanOrEqual(4)
  })

  it('has the four utility accounts, each with an unpaid bill whose lines add up, and medical bills', async () => {
    for (const accountNo of Object.values(DEMO_ACCOUNTS)) {
      const bills = await on.service.ctx.db
        .selectFrom('bills')
        .selectAll()
        .where('account_no', '=', accountNo)
        .where('status', '=', 'unpaid')
        .execute()
      expect(bills.length).toBeGreaterThanOrEqual(1)
      for (const bill of bills) {
        const lines = JSON.parse(bill.lines) as Array<{ amountFen: number }>
        expect(lines.reduce((sum, l) => sum + l.amountFen, 0)).toBe(bill.amount_fen)
      }
    }
    const medical = await on.service.ctx.db
      .selectFrom('bills')
      .selectAll()
      .where('kind', '=', 'medical')
      .execute()
    expect(medical.length).toBeGreaterThanOrEqual(1)
    expect(medical.every((b) => b.resident_id)).toBe(true)
  })

  it('seeds again without duplicating anything', async () => {
    const before = await on.service.ctx.db.selectFrom('bills').select('id').execute()
    const again = await startService(on.database)
    await again.close()
    expect((await on.service.ctx.db.selectFrom('bills').select('id').execute()).length).toBe(before.length)
  })

  it('publishes every route of the contract in its OpenAPI document', async () => {
    const doc = (await on.service.app.inject({ url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    for (const def of Object.values(contract)) {
      const path = def.path.replace(/:([A-Za-z]+)/g, '{$1}')
      expect(doc.paths[path]?.[def.method.toLowerCase()]).toBeDefined()
    }
    expect((await on.service.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400)
  })
})
