/**
 * Calls to WeChat's server API (api.weixin.qq.com). WeChat answers HTTP 200 with `errcode` in the
 * body for refusals, sometimes as text/plain, so the body is parsed as JSON whatever its type.
 * URLs carry the AppSecret or an access token: they never go into an error message.
 */
export type FetchLike = typeof fetch

/** WeChat refused: its errcode and errmsg. */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError'
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly api: string,
  ) {
    super(`${api}: errcode ${errcode} ${errmsg}`)
  }
}

/** WeChat could not be reached, or answered something that is not its protocol. */
export class WechatUnreachableError extends Error {
  override readonly name = 'WechatUnreachableError'
}

const TIMEOUT_MS = 8000

export async function callWechat(
  fetchFn: FetchLike,
  api: string,
  url: string,
  init: { method: 'GET' } | { method: 'POST'; json: unknown },
): Promise<Record<string, unknown>> {
  let text: string
  let status: number
  try {
    const response = await fetchFn(url, {
      method: init.method,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      ...(init.method === 'POST'
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.json) }
        : {}),
    })
    status = response.status
    text = await response.text()
  } catch (error) {
    throw new WechatUnreachableError(`${api}: ${error instanceof Error ? error.name : 'request failed'}`)
  }
  if (status !== 200) throw new WechatUnreachableError(`${api}: HTTP ${status}`)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new WechatUnreachableError(`${api}: the answer is not JSON`)
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new WechatUnreachableError(`${api}: the answer is not a JSON object`)
  const record = body as Record<string, unknown>
  const errcode = record.errcode
  if (errcode !== undefined && errcode !== 0 && errcode !== '0') {
    throw new WechatApiError(Number(errcode), String(record.errmsg ?? ''), api)
  }
  return record
}
