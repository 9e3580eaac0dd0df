/**
 * Forwards the page's `/api/` calls to the configured service. The page stays same-origin (its CSP
 * needs only 'self' and the service needs no CORS), and the kiosk key is added here from the
 * configuration. Only the headers the API uses cross; cookies do not, in either direction.
 */
const REQUEST_HEADERS = ['accept', 'accept-language', 'authorization', 'content-type', 'idempotency-key']
const RESPONSE_HEADERS = ['content-type', 'cache-control', 'retry-after', 'content-language']

export interface ProxyTarget {
  readonly serviceUrl: string
  readonly kioskKey: string
}

export function proxiedUrl(serviceUrl: string, requestUrl: URL): string {
  return `${serviceUrl}${requestUrl.pathname}${requestUrl.search}`
}

export function proxiedRequestHeaders(incoming: Headers, kioskKey: string): Headers {
  const headers = new Headers()
  for (const name of REQUEST_HEADERS) {
    const value = incoming.get(name)
    if (value !== null) headers.set(name, value)
  }
  headers.set('x-kiosk-key', kioskKey)
  return headers
}

export async function forwardToService(
  request: Request,
  target: ProxyTarget,
  fetchImpl: (url: string, init: RequestInit) => Promise<Response>,
): Promise<Response> {
  const url = new URL(request.url)
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  let upstream: Response
  try {
    upstream = await fetchImpl(proxiedUrl(target.serviceUrl, url), {
      method: request.method,
      headers: proxiedRequestHeaders(request.headers, target.kioskKey),
      ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      redirect: 'manual',
    })
  } catch {
    // The page's API client turns a 502 into its "network" message for the resident.
    return new Response(null, { status: 502 })
  }
  const headers = new Headers()
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.headers.get(name)
    if (value !== null) headers.set(name, value)
  }
  // A redirect would lead the page to another origin: not followed, reported as a failure.
  if (upstream.status >= 300 && upstream.status < 400) return new Response(null, { status: 502 })
  return new Response(upstream.status === 204 ? null : await upstream.arrayBuffer(), {
    status: upstream.status,
    headers,
  })
}
