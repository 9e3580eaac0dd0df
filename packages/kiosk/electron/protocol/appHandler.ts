/**
 * The `app://kiosk` protocol: the built H5 from one folder, `/api/` forwarded to the service, and
 * the staff error page when the configuration is wrong. Every response carries the strict CSP.
 */
import { forwardToService, type ProxyTarget } from './apiProxy'
import { contentType, resolveAppFile } from './resolvePath'
import { SHELL_CSP, STATIC_PAGE_CSP } from '../security/csp'
import { API_PREFIX, APP_HOST, APP_SCHEME, CONFIG_ERROR_URL } from '../security/origin'

export interface AppHandlerDeps {
  /** The built H5 (dist/h5, or resources/h5 when packaged). */
  readonly root: string
  /** Null when the configuration is wrong: then only the error page is served. */
  readonly proxy: ProxyTarget | null
  /** The staff error page, when the configuration is wrong. */
  readonly configErrorHtml: string | null
  readFile(file: string): Promise<Uint8Array>
  fetch(url: string, init: RequestInit): Promise<Response>
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' }

function refuse(status: number): Response {
  return new Response(null, {
    status,
    headers: { 'content-security-policy': SHELL_CSP, ...SECURITY_HEADERS },
  })
}

export function createAppHandler(deps: AppHandlerDeps): (request: Request) => Promise<Response> {
  const errorPath = new URL(CONFIG_ERROR_URL).pathname
  return async (request) => {
    const url = new URL(request.url)
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404)
    if (deps.configErrorHtml !== null) {
      if (url.pathname !== errorPath) return refuse(404)
      return new Response(deps.configErrorHtml, {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': STATIC_PAGE_CSP,
          ...SECURITY_HEADERS,
        },
      })
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      if (!deps.proxy) return refuse(503)
      return forwardToService(request, deps.proxy, deps.fetch)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405)
    const file = resolveAppFile(deps.root, url.pathname)
    if (!file) return refuse(404)
    let body: Uint8Array
    try {
      body = await deps.readFile(file)
    } catch {
      return refuse(404)
    }
    // A copy typed as a plain ArrayBuffer view, which Response accepts.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      headers: {
        'content-type': contentType(file),
        'content-security-policy': SHELL_CSP,
        ...SECURITY_HEADERS,
      },
    })
  }
}
