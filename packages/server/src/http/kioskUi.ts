/**
 * Serves the built kiosk UI at /kiosk/ so any browser on the machine is a working kiosk talking
 * to this service. In demo mode it also tells that UI the demo kiosk key; a real kiosk gets its
 * key from its own configuration, never from the network.
 */
import { existsSync } from 'node:fs'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

const KIOSK_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Taro's H5 runtime sets styles on elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

export async function serveKioskUi(
  app: FastifyInstance,
  dir: string,
  demoKioskKey: string | null,
): Promise<boolean> {
  if (!existsSync(`${dir}/index.html`)) return false
  await app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('content-security-policy', KIOSK_CSP)
    })
    if (demoKioskKey) {
      scope.get('/kiosk/kiosk-config.json', { schema: { hide: true } }, async (_request, reply) => {
        reply.header('cache-control', 'no-store')
        return { apiBaseUrl: '', kioskKey: demoKioskKey }
      })
    }
    scope.get('/kiosk', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/kiosk/'))
    await scope.register(fastifyStatic, { root: dir, prefix: '/kiosk/', index: ['index.html'] })
  })
  return true
}
