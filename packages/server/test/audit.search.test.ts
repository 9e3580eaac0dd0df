/**
 * Issue 19, D9: the admin audit search compares instants, not text. The same moment written with
 * +08:00 (the natural form in Asia/Shanghai) or Z finds the same entries.
 */
import { bearer, describeOnEngines, staffToken } from './support/service'

describeOnEngines('admin audit search by time', (on) => {
  it('finds the same entries for one instant in any offset', async () => {
    const admin = await staffToken(on.service, 'A0001')
    // Something to find: staff calls are recorded at the test clock's now (2026-12-01T00:00Z).
    await on.service.app.inject({ url: '/api/v1/admin/audit?limit=1', headers: bearer(admin) })
    const search = async (query: string) => {
      const res = await on.service.app.inject({ url: `/api/v1/admin/audit?${query}`, headers: bearer(admin) })
      expect(res.statusCode).toBe(200)
      return (res.json() as Array<{ seq: number }>).map((e) => e.seq)
    }
    const utc = await search('from=2026-11-30T23:59:00Z&to=2026-12-01T00:01:00Z')
    expect(utc.length).toBeGreaterThan(0)
    const shanghai = await search(
      `from=${encodeURIComponent('2026-12-01T07:59:00+08:00')}&to=${encodeURIComponent('2026-12-01T08:01:00+08:00')}`,
    )
    // The same entries, and the first search (itself recorded since).
    expect(shanghai.slice(1)).toEqual(utc)
    expect(shanghai[0]).toBeGreaterThan(utc[0]!)
    // An instant just after everything finds nothing, in either form.
    expect(await search(`from=${encodeURIComponent('2026-12-01T08:01:00+08:00')}`)).toEqual([])
    expect(await search('from=2026-12-01T00:01:00Z')).toEqual([])
  })
})
