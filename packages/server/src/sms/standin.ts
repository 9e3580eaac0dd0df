/**
 * A local stand-in for Tencent Cloud SMS (sms.tencentcloudapi.com, API 3.0) for tests and local
 * development. It checks what Tencent checks, in Tencent's answer format, so the real adapter
 * runs against it unchanged:
 * - the common headers: POST /, `Content-Type: application/json; charset=utf-8`, X-TC-Action
 *   SendSms, X-TC-Version 2021-01-11, an SMS region, X-TC-Timestamp within 5 minutes;
 * - the TC3-HMAC-SHA256 Authorization: a known SecretId, the credential scope's date (UTC) and
 *   service, content-type and host among the signed headers, and the signature, recomputed here
 *   from the headers the request names and the raw body bytes;
 * - the body: only SendSms parameters, the SdkAppId, an approved signature and template, as many
 *   template parameters as the template has (a verification template takes at most 6 digits each),
 *   and E.164 mainland numbers.
 * Whole-request refusals go in Response.Error; a number's refusal (a wrong number, more than one
 * message to it in 30 s) in its SendStatusSet entry.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { systemClock, type Clock } from '../util/clock'

export interface TencentSmsStandInOptions {
  readonly secretId: string
  readonly secretKey: string
  readonly sdkAppId: string
  /** Approved signatures (签名). */
  readonly signNames: readonly string[]
  /** Approved verification-code templates: id → number of parameters ({1}, {2}, …). */
  readonly templates: Readonly<Record<string, number>>
  readonly clock?: Clock
}

export interface DeliveredSms {
  readonly phone: string
  readonly signName: string
  readonly templateId: string
  readonly params: readonly string[]
}

export interface TencentSmsStandIn {
  readonly endpoint: string
  readonly delivered: readonly DeliveredSms[]
  /** Every request with the code answered: the request's Error.Code, else each number's Code. */
  readonly requests: ReadonlyArray<{ action: string | undefined; codes: readonly string[] }>
  /** The next request is refused whole (Response.Error) with this code. */
  failNext(code: string, message?: string): void
  /** The next number sent to is refused (its SendStatusSet entry) with this code. */
  failNextNumber(code: string, message?: string): void
  close(): Promise<void>
}

const VERSION = '2021-01-11'
const REGIONS = new Set(['ap-guangzhou', 'ap-beijing', 'ap-nanjing'])
const PARAMETERS = new Set([
  'PhoneNumberSet',
  'SmsSdkAppId',
  'TemplateId',
  'SignName',
  'TemplateParamSet',
  'ExtendCode',
  'SessionContext',
  'SenderId',
])
const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/

class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

export async function startTencentSmsStandIn(options: TencentSmsStandInOptions): Promise<TencentSmsStandIn> {
  const clock = options.clock ?? systemClock
  const delivered: DeliveredSms[] = []
  const requests: Array<{ action: string | undefined; codes: string[] }> = []
  const lastSentAt = new Map<string, number>()
  let failRequest: Refusal | null = null
  let failNumber: Refusal | null = null

  /** Checks the signature exactly as the documented algorithm computes it, from what arrived. */
  const checkSignature = (request: IncomingMessage, body: Buffer) => {
    const match = AUTHORIZATION.exec(header(request, 'authorization') ?? '')
    if (!match) throw new Refusal('AuthFailure.InvalidAuthorization', 'Authorization is not TC3-HMAC-SHA256')
    const [, secretId, date, service, signedHeaders, signature] = match as unknown as string[]
    const timestamp = Number(header(request, 'x-tc-timestamp'))
    if (!Number.isInteger(timestamp)) throw new Refusal('MissingParameter', 'X-TC-Timestamp is missing')
    if (Math.abs(clock.now().getTime() / 1000 - timestamp) > 300)
      throw new Refusal('AuthFailure.SignatureExpire', 'the timestamp is more than 5 minutes off')
    if (secretId !== options.secretId) throw new Refusal('AuthFailure.SecretIdNotFound', 'unknown SecretId')
    if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10) || service !== 'sms')
      throw new Refusal('AuthFailure.SignatureFailure', 'the credential scope does not match')
    const names = signedHeaders!.split(';')
    if (
      !names.includes('content-type') ||
      !names.includes('host') ||
      [...names].sort().join(';') !== signedHeaders
    )
      throw new Refusal(
        'AuthFailure.SignatureFailure',
        'SignedHeaders must list content-type and host, sorted',
      )
    const canonicalHeaders = names
      .map((name) => `${name}:${(header(request, name) ?? '').trim().toLowerCase()}\n`)
      .join('')
    const canonicalRequest = `POST\n/\n\n${canonicalHeaders}\n${signedHeaders}\n${sha256Hex(body)}`
    const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256Hex(canonicalRequest)}`
    const key = hmac(hmac(hmac(`TC3${options.secretKey}`, date!), service!), 'tc3_request')
    const expected = createHmac('sha256', key).update(stringToSign).digest()
    if (!timingSafeEqual(expected, Buffer.from(signature!, 'hex')))
      throw new Refusal('AuthFailure.SignatureFailure', 'the signature does not match')
  }

  const sendSms = (body: Buffer) => {
    let params: Record<string, unknown>
    try {
      params = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    } catch {
      throw new Refusal('FailedOperation.JsonParseFail', 'the body is not JSON')
    }
    if (typeof params !== 'object' || params === null || Array.isArray(params))
      throw new Refusal('FailedOperation.JsonParseFail', 'the body is not a JSON object')
    const unknown = Object.keys(params).filter((name) => !PARAMETERS.has(name))
    if (unknown.length > 0) throw new Refusal('UnknownParameter', `unknown parameters: ${unknown.join(', ')}`)
    if (params.SmsSdkAppId !== options.sdkAppId)
      throw new Refusal('UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId verification failed')
    if (typeof params.SignName !== 'string' || !options.signNames.includes(params.SignName))
      throw new Refusal('FailedOperation.SignatureIncorrectOrUnapproved', 'the signature is not approved')
    const paramCount =
      typeof params.TemplateId === 'string' ? options.templates[params.TemplateId] : undefined
    if (paramCount === undefined)
      throw new Refusal('FailedOperation.TemplateIncorrectOrUnapproved', 'the template is not approved')
    const values = params.TemplateParamSet ?? []
    if (!Array.isArray(values) || values.some((value) => typeof value !== 'string'))
      throw new Refusal('InvalidParameter', 'TemplateParamSet must be an array of strings')
    if (values.length !== paramCount)
      throw new Refusal(
        'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
        `the template takes ${paramCount} parameters`,
      )
    if (values.some((value) => !/^\d{0,6}$/.test(value as string)))
      throw new Refusal(
        'InvalidParameterValue.TemplateParameterFormatError',
        'a verification template takes at most 6 digits per parameter',
      )
    const numbers = params.PhoneNumberSet
    if (!Array.isArray(numbers) || numbers.length === 0)
      throw new Refusal('MissingParameter.EmptyPhoneNumberSet', 'PhoneNumberSet is empty')
    if (numbers.length > 200)
      throw new Refusal('LimitExceeded.PhoneNumberCountLimit', 'more than 200 numbers')
    const now = clock.now().getTime()
    return numbers.map((number: unknown) => {
      const phone = String(number)
      const status = (code: string, message: string) => ({
        SerialNo: code === 'Ok' ? `5000:${randomUUID().replace(/-/g, '')}` : '',
        PhoneNumber: phone,
        Fee: code === 'Ok' ? 1 : 0,
        SessionContext: typeof params.SessionContext === 'string' ? params.SessionContext : '',
        Code: code,
        Message: message,
        IsoCode: code === 'Ok' ? 'CN' : 'DEF',
      })
      if (failNumber) {
        const failure = failNumber
        failNumber = null
        return status(failure.code, failure.message)
      }
      if (!/^\+861\d{10}$/.test(phone))
        return status('InvalidParameterValue.IncorrectPhoneNumber', 'the number is not valid')
      const last = lastSentAt.get(phone)
      if (last !== undefined && now - last < 30_000)
        return status('LimitExceeded.PhoneNumberThirtySecondLimit', 'more than one message in 30 seconds')
      lastSentAt.set(phone, now)
      delivered.push({
        phone,
        signName: params.SignName as string,
        templateId: params.TemplateId as string,
        params: values as string[],
      })
      return status('Ok', 'send success')
    })
  }

  const handle = (request: IncomingMessage, body: Buffer, response: ServerResponse) => {
    const action = header(request, 'x-tc-action')
    const requestId = randomUUID()
    const answer = (payload: Record<string, unknown>, codes: string[]) => {
      requests.push({ action, codes })
      // Tencent answers 200 whatever the outcome; the body says.
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ Response: { ...payload, RequestId: requestId } }))
    }
    try {
      if (request.method !== 'POST' || request.url !== '/')
        throw new Refusal('UnsupportedOperation', 'only POST / is served here')
      if (header(request, 'content-type') !== 'application/json; charset=utf-8')
        throw new Refusal('UnsupportedProtocol', 'Content-Type must be application/json; charset=utf-8')
      if (action !== 'SendSms') throw new Refusal('InvalidAction', `unknown action ${action ?? ''}`)
      if (header(request, 'x-tc-version') !== VERSION)
        throw new Refusal('NoSuchVersion', `version must be ${VERSION}`)
      if (!REGIONS.has(header(request, 'x-tc-region') ?? ''))
        throw new Refusal('UnsupportedRegion', 'SMS is not served in that region')
      checkSignature(request, body)
      if (failRequest) {
        const failure = failRequest
        failRequest = null
        throw failure
      }
      const statuses = sendSms(body)
      answer(
        { SendStatusSet: statuses },
        statuses.map((s) => s.Code),
      )
    } catch (error) {
      if (!(error instanceof Refusal)) throw error
      answer({ Error: { Code: error.code, Message: error.message } }, [error.code])
    }
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => handle(request, Buffer.concat(chunks), response))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    delivered,
    requests,
    failNext(code, message = 'refused by the stand-in') {
      failRequest = new Refusal(code, message)
    },
    failNextNumber(code, message = 'refused by the stand-in') {
      failNumber = new Refusal(code, message)
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
