/**
 * Which senders may name the client in X-Forwarded-For (TRUST_PROXY). The per-address rate limits
 * count the address this yields, so trusting a sender that is not our own proxy would let a caller
 * choose a fresh address, and a fresh allowance, on every request.
 */
import { isIP } from 'node:net'

/** Named ranges Fastify (proxy-addr) understands. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'] as const

/** What Fastify's `trustProxy` is given: the trusted senders, or false for none. */
export type TrustProxy = readonly string[] | false

export const DEFAULT_TRUST_PROXY = 'loopback'

/** An address, a CIDR range (`10.0.0.0/24`, `fd00::/8`) or a named range; else why not. */
function problemOf(entry: string): string | null {
  if ((NAMED_RANGES as readonly string[]).includes(entry)) return null
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return `"${entry}" is not an address, a CIDR range or a named range`
  if (prefix === undefined) return null
  const bits = family === 4 ? 32 : 128
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits)
    return `"${entry}": the prefix length must be 0–${bits}`
  return null
}

/**
 * Parses TRUST_PROXY: `none`, or a comma-separated list of proxy addresses, CIDR ranges and the
 * names `loopback`, `linklocal`, `uniquelocal`. A hop count is refused: it trusts whoever connects,
 * so a client reaching an instance directly could still forge its address.
 */
export function parseTrustProxy(value: string): { trust: TrustProxy } | { problem: string } {
  const trimmed = value.trim()
  if (trimmed === 'none') return { trust: false }
  if (/^\d+$/.test(trimmed))
    return { problem: 'a hop count is not accepted: list the proxies’ addresses or CIDR ranges' }
  if (['true', '*', 'all'].includes(trimmed.toLowerCase()))
    return { problem: 'trusting every sender is not accepted: list the proxies’ addresses or CIDR ranges' }
  const entries = trimmed.split(',').map((entry) => entry.trim())
  if (entries.some((entry) => entry === '')) return { problem: 'an entry of the list is empty' }
  const problems = entries.map(problemOf).filter((problem): problem is string => problem !== null)
  if (problems.length > 0) return { problem: problems.join('; ') }
  return { trust: entries }
}
