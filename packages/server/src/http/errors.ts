/**
 * Every refusal leaves as `{error:{code, message, details?}}` with a stable code and a message in
 * the caller's language (Accept-Language: zh-CN by default, zh-HK, en). Nothing is ever a bare 500
 * for bad input: framework errors are mapped by their status to our codes.
 */
import { createI18n, resolveLanguage, SUPPORTED_LANGUAGES, type Language } from '@bangban/core/i18n'
import {
  adminProblemOf,
  ERROR_STATUS,
  errorMessageKeyOf,
  type ErrorCode,
  type ErrorBody,
} from '@bangban/core/api'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/unavailable'
import { AppError } from '../util/errors'

const translators = new Map(SUPPORTED_LANGUAGES.map((lng) => [lng, createI18n(lng)]))

export function languageOf(request: FastifyRequest): Language {
  return resolveLanguage(request.headers['accept-language'])
}

export function errorBody(code: ErrorCode, language: Language, details?: unknown): ErrorBody {
  // An administration refusal says what with its values ("the staff number H1003 is taken").
  const values = adminProblemOf({ code, details }) ? (details as Record<string, unknown>) : undefined
  const message = translators.get(language)!.t(errorMessageKeyOf({ code, details }), values)
  return { error: { code, message, ...(details === undefined ? {} : { details }) } }
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED'
    case 403:
      return 'FORBIDDEN'
    case 404:
      return 'NOT_FOUND'
    case 413:
      return 'PAYLOAD_TOO_LARGE'
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE'
    case 429:
      return 'RATE_LIMITED'
    case 503:
      return 'SERVICE_UNAVAILABLE'
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED'
  }
}

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, details?: unknown) {
  const status = ERROR_STATUS[code] || 500
  // Kiosks and the mini-program wait this long before they try again.
  if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS))
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(errorBody(code, languageOf(request), details))
}

/** Errors Fastify raises before routing (bad URL encoding, over-long parameters): same body as ours. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void send(reply, request, codeForStatus(error.statusCode === 414 ? 400 : (error.statusCode ?? 400)))
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(reply, request, error.code, error.details)
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Say where and what, never echo the value (it may be an ID number).
      const details = error.validation.map((issue) => ({
        where: [error.validationContext ?? 'body', ...issue.instancePath.split('/').filter(Boolean)].join(
          '.',
        ),
        problem:
          issue.params?.issue && typeof issue.params.issue === 'object'
            ? (issue.params.issue as { code?: string }).code
            : issue.keyword,
      }))
      return send(reply, request, 'VALIDATION_FAILED', details)
    }
    if (isResponseSerializationError(error)) {
      request.log.error(
        { err: error, route: request.routeOptions.url },
        'response does not match the contract',
      )
      return send(reply, request, 'INTERNAL')
    }
    if (isDatabaseUnavailable(error)) {
      // The database is away (restarting, failing over, locked, full): say so, and when to retry.
      request.log.warn({ err: error }, 'database unavailable')
      return send(reply, request, 'SERVICE_UNAVAILABLE')
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'unhandled error')
    return send(reply, request, codeForStatus(status))
  })
  app.setNotFoundHandler((request, reply) => send(reply, request, 'NOT_FOUND'))
}
