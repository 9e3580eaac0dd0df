/**
 * Fault: PostgreSQL goes away under traffic (issue 19, D1 and D8). On a cluster of the test's own,
 * the real service process takes residents' sign-ins while (1) every server process of its
 * connections is terminated, idle or busy, three times, and (2) PostgreSQL is stopped and started
 * again. The process must live through it all, answer 503 with Retry-After while the database is
 * away (never 500, never a refused connection), and serve again by itself once it is back.
 */
import {
  NO_POSTGRES_BINARIES,
  freePort,
  ownPostgresBinaries,
  startOwnPostgres,
  type OwnPostgres,
} from '../support/ownPostgres'
import {
  call,
  count,
  describeTally,
  newTally,
  residentTraffic,
  startServiceProcess,
  type ServiceProcess,
} from '../support/serviceProcess'

const bin = ownPostgresBinaries()
if (!bin) console.warn(`PostgreSQL outage fault test: ${NO_POSTGRES_BINARIES}`)
const maybe = bin ? describe : describe.skip

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

maybe('PostgreSQL terminated and restarted under traffic (own cluster)', () => {
  let cluster: OwnPostgres
  let service: ServiceProcess
  jest.setTimeout(180_000)

  beforeAll(async () => {
    cluster = startOwnPostgres(bin!, await freePort())
    await cluster.createDatabase('bangban')
    service = await startServiceProcess({ DATABASE_URL: cluster.url('bangban'), PG_POOL_SIZE: '4' })
    await service.waitReady()
  })

  afterAll(async () => {
    await service?.stop('SIGKILL')
    cluster?.destroy()
  })

  it('survives terminated connections: no exit, no refused connection, no 500', async () => {
    const tally = newTally()
    let done = false
    const traffic = residentTraffic(service.base, tally, 4, () => done)
    let terminated = 0
    for (let round = 0; round < 3; round++) {
      await sleep(700)
      terminated += await cluster.terminateBackends('bangban')
    }
    await sleep(1000)
    done = true
    await traffic
    console.warn(`${describeTally('terminate backends ×3', tally)}; backends terminated ${terminated}`)
    expect(terminated).toBeGreaterThan(0)
    expect(service.exit()).toBeNull()
    expect(tally.refused).toBe(0)
    expect(tally.other5xx).toEqual([])
    expect(count(tally, '201')).toBeGreaterThan(0)
    // Afterwards every request works again.
    const after = newTally()
    await residentTraffic(service.base, after, 2, () => count(after, '201') >= 4)
    expect(after.other5xx).toEqual([])
    expect(count(after, '503')).toBe(0)
  })

  it('answers 503 with Retry-After while PostgreSQL is stopped, and recovers by itself', async () => {
    const tally = newTally()
    let phase: 'before' | 'down' | 'after' = 'before'
    let done = false
    const traffic = residentTraffic(service.base, tally, 4, () => done)
    await sleep(800)
    cluster.stop()
    phase = 'down'
    const down = newTally()
    const whileDown = residentTraffic(service.base, down, 2, () => phase !== 'down')
    await sleep(2500)
    const ready = await call(down, `${service.base}/readyz`)
    expect(ready?.status).toBe(503)
    cluster.start()
    phase = 'after'
    await whileDown
    // Back by itself within a few seconds: a sign-in succeeds again.
    const started = Date.now()
    const after = newTally()
    await residentTraffic(
      service.base,
      after,
      2,
      () => count(after, '201') >= 2 || Date.now() - started > 20_000,
    )
    done = true
    await traffic
    console.warn(describeTally('PostgreSQL stopped and started: all traffic', tally))
    console.warn(describeTally('PostgreSQL stopped and started: while it was down', down))
    console.warn(`back to serving ${Date.now() - started} ms after PostgreSQL started`)
    expect(service.exit()).toBeNull()
    expect(tally.refused + down.refused + after.refused).toBe(0)
    expect([...tally.other5xx, ...down.other5xx, ...after.other5xx]).toEqual([])
    expect(count(down, '503')).toBeGreaterThan(0)
    expect(tally.unavailableWithoutRetryAfter + down.unavailableWithoutRetryAfter).toBe(0)
    expect(count(after, '201')).toBeGreaterThanOrEqual(2)
  })
})
