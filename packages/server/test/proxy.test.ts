/**
 * TRUST_PROXY: which senders may name the client in X-Forwarded-For. The per-address rate limits
 * count the address the service settles on, so a forged header from anyone else must not buy a
 * fresh allowance, and a trusted proxy's clients must still count apart.
 */
import type { LightMyRequestResponse } from 'fastify'
import { ConfigError, loadConfig } from '../src/config'
import { parseTrustProxy } from '../src/http/trustProxy'
import { describeOnEngines, idNumberFor, KIOSK_KEY, startService, type Started } from './support/service'

describe('TRUST_PROXY setting', () => {
  it('trusts a proxy on this machine only when unset', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual(['loopback'])
  })

  it('takes addresses, CIDR ranges and named ranges, or none', () => {
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.2, 10.0.1.0/24 ,fd00::/8,uniquelocal' }).TRUST_PROXY).toEqual([
      '10.0.0.2',
      '10.0.1.0/24',
      'fd00::/8',
      'uniquelocal',
    ])
    expect(loadConfig({ TRUST_PROXY: 'none' }).TRUST_PROXY).toBe(false)
  })

  it.each([
    ['2', 'hop count'],
    ['true', 'every sender'],
    ['*', 'every sender'],
    ['10.0.0.0/33', 'prefix length'],
    ['fd00::/129', 'prefix length'],
    ['proxy.internal', 'not an address'],
    ['10.0.0.2,', 'empty'],
    ['10.0.0.0/8/1', 'not an address'],
  ])('refuses %s (%s)', (value, why) => {
    const parsed = parseTrustProxy(value)
    expect('problem' in parsed && parsed.problem).toContain(why)
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError)
  })
})

const PROXY = '10.0.0.2'
const PROXY_RANGE = '10.0.1.0/24'

describeOnEngines(
  'client addresses behind the configured proxies',
  {
    start: (database, like?: Started) =>
      startService(database, like?.clock, { env: { TRUST_PROXY: `${PROXY},${PROXY_RANGE}` } }),
  },
  (on) => {
    const address = (test: number, i = 0) => `198.18.${test}.${i}`
    const idCard = (from: string, n: number, forwardedFor?: string) =>
      on.service.app.inject({
        method: 'POST',
        url: '/api/v1/sessions/id-card',
        remoteAddress: from,
        headers: { 'x-kiosk-key': KIOSK_KEY, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        payload: { name: `居民${n}`, idNumber: idNumberFor(n) },
      })
    const burst = (n: number, one: (i: number) => Promise<LightMyRequestResponse>) =>
      Promise.all(Array.from({ length: n }, (_, i) => one(i)))
    const through = (answers: LightMyRequestResponse[]) => answers.filter((a) => a.statusCode !== 429).length

    it('gives a forged X-Forwarded-For from an untrusted sender no fresh allowance', async () => {
      const forged = await burst(50, (i) => idCard(address(1), 100 + i, `10.9.${i}.1`))
      expect(through(forged)).toBe(30)
      // Nor from this machine: the list replaces the default, so loopback is not trusted now.
      const local = await burst(50, (i) => idCard('127.0.0.1', 200 + i, `10.8.${i}.1`))
      expect(through(local)).toBe(30)
    })

    it('counts the client a trusted proxy names, not the proxy', async () => {
      const first = await burst(40, (i) => idCard(PROXY, 300 + i, address(2, 1)))
      expect(through(first)).toBe(30)
      // Another client behind the same proxy has its own allowance.
      expect((await idCard(PROXY, 399, address(2, 2))).statusCode).toBe(201)
      // A proxy in the trusted range, appending to a header the client forged: the address the
      // proxy saw (the rightmost untrusted one) counts, so the forged part buys nothing.
      const appended = await burst(40, (i) => idCard('10.0.1.7', 400 + i, `10.7.${i}.1, ${address(3)}`))
      expect(through(appended)).toBe(30)
      expect((await idCard('10.0.1.7', 499, address(3, 1))).statusCode).toBe(201)
    })
  },
)

describeOnEngines(
  'no proxy trusted',
  {
    start: (database, like?: Started) =>
      startService(database, like?.clock, { env: { TRUST_PROXY: 'none' } }),
  },
  (on) => {
    it('counts the connecting address even from this machine', async () => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          on.service.app.inject({
            method: 'POST',
            url: '/api/v1/sessions/id-card',
            remoteAddress: '127.0.0.1',
            headers: { 'x-kiosk-key': KIOSK_KEY, 'x-forwarded-for': `10.6.${i}.1` },
            payload: { name: `居民${i}`, idNumber: idNumberFor(i) },
          }),
        ),
      )
      expect(answers.filter((a) => a.statusCode !== 429)).toHaveLength(30)
    })
  },
)
