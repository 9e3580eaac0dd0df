/**
 * A typed client over an injected transport: fetch on H5 and in Node, Taro.request in the
 * mini-program. Error bodies become ApiError with the stable code; responses are checked
 * against the contract so a mismatch is found at the edge, not deep in a screen.
 */
import type { z } from 'zod'
import { contract, type Contract, type RouteDef, type RouteName } from './contract'
import { ErrorBody } from './common'
import { ApiError, ERROR_STATUS } from './errors'

export interface TransportRequest {
  readonly method: string
  readonly url: string
  readonly headers: Record<string, string>
  /** JSON text, when there is a body. */
  readonly body?: string
}

export interface TransportResponse {
  readonly status: number
  /** Parsed JSON, or null for an empty body. */
  readonly body: unknown
}

/** Sends one HTTP request. Rejects only when the service could not be reached. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined

export type CallInput<R extends RouteDef> = (R['params'] extends z.ZodType
  ? { params: z.input<R['params']> }
  : { params?: undefined }) &
  (R['query'] extends z.ZodType ? { query: z.input<R['query']> } : { query?: undefined }) &
  (R['body'] extends z.ZodType ? { body: z.input<R['body']> } : { body?: undefined }) & {
    idempotencyKey?: string
  }

export type CallOutput<R extends RouteDef> = Infer<R['response']>

export interface ApiClientOptions {
  readonly baseUrl: string
  readonly transport: Transport
  /** The bearer token to send, if any (read on every call so sign-out takes effect at once). */
  readonly getToken?: () => string | null | undefined
  /** Extra headers on every call, e.g. X-Kiosk-Key or Accept-Language. */
  readonly getHeaders?: () => Record<string, string>
}

export function buildPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined) throw new TypeError(`missing path parameter ${name}`)
    return encodeURIComponent(value)
  })
}

export function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return ''
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export function toApiError(status: number, body: unknown): ApiError {
  const parsed = ErrorBody.safeParse(body)
  if (parsed.success) {
    return new ApiError(parsed.data.error.code, status, parsed.data.error.message, parsed.data.error.details)
  }
  const code =
    status >= 500
      ? 'INTERNAL'
      : status === 404
        ? 'NOT_FOUND'
        : status === 429
          ? 'RATE_LIMITED'
          : 'VALIDATION_FAILED'
  return new ApiError(code, status, `HTTP ${status}`)
}

export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '')

  async function call<N extends RouteName>(
    name: N,
    input: CallInput<Contract[N]> = {} as CallInput<Contract[N]>,
  ): Promise<CallOutput<Contract[N]>> {
    const def: RouteDef = contract[name]
    const { params, query, body, idempotencyKey } = input as {
      params?: Record<string, string>
      query?: Record<string, unknown>
      body?: unknown
      idempotencyKey?: string
    }
    const headers: Record<string, string> = { accept: 'application/json', ...options.getHeaders?.() }
    const token = options.getToken?.()
    if (token) headers.authorization = `Bearer ${token}`
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey
    if (body !== undefined) headers['content-type'] = 'application/json'
    let response: TransportResponse
    try {
      response = await options.transport({
        method: def.method,
        url: `${base}${buildPath(def.path, params)}${buildQuery(query)}`,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      })
    } catch (cause) {
      throw new ApiError(
        'NETWORK',
        ERROR_STATUS.NETWORK,
        cause instanceof Error ? cause.message : 'network error',
      )
    }
    if (response.status < 200 || response.status >= 300) throw toApiError(response.status, response.body)
    if (response.status === 204) return null as CallOutput<Contract[N]>
    const parsed = def.response.safeParse(response.body)
    if (!parsed.success) {
      throw new ApiError(
        'INTERNAL',
        response.status,
        `response of ${name} does not match the contract`,
        parsed.error.issues,
      )
    }
    return parsed.data as CallOutput<Contract[N]>
  }

  return { call }
}

export type ApiClient = ReturnType<typeof createApiClient>

/** A transport over WHATWG fetch (browsers, Electron's renderer, Node ≥ 18). */
export function createFetchTransport(fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): Transport {
  return async (request) => {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    })
    const text = await response.text()
    let body: unknown = null
    if (text) {
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
    }
    return { status: response.status, body }
  }
}

/** WeChat's documented dataType value meaning "do not parse the body". */
const RAW_DATA_TYPE = '其他' // i18n-exempt: a protocol value of wx.request, not text anyone sees

/** The shape of Taro.request / wx.request that the mini-program transport needs. */
export interface MiniProgramRequestOptions {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  header: Record<string, string>
  data?: string
  dataType: 'json' | typeof RAW_DATA_TYPE
  responseType: 'text'
}
export type MiniProgramRequest = (
  options: MiniProgramRequestOptions,
) => Promise<{ statusCode: number; data: unknown }>

/**
 * A transport over Taro.request. `dataType: '其他'` (WeChat's documented value for "do not
 * parse") keeps the raw text so we parse it the same way on every platform.
 */
export function createMiniProgramTransport(request: MiniProgramRequest): Transport {
  return async (req) => {
    const result = await request({
      url: req.url,
      method: req.method as MiniProgramRequestOptions['method'],
      header: req.headers,
      ...(req.body !== undefined ? { data: req.body } : {}),
      dataType: RAW_DATA_TYPE,
      responseType: 'text',
    })
    let body: unknown = result.data
    if (typeof body === 'string') {
      try {
        body = body ? JSON.parse(body) : null
      } catch {
        /* keep the text */
      }
    }
    return { status: result.statusCode, body }
  }
}
