/**
 * The ID card reader's simulator: a local reader service speaking the documented JSON, whose
 * "card on the reader" is set by a developer or a test. Point `devices.idCardReader.url` at it.
 * Run it with `node dist/electron/fake-id-reader.js [port]`, then
 * `curl -X PUT localhost:<port>/card -d '{"name":"…","idNumber":"…","validUntil":"20350101"}'`
 * to place a card and `curl -X DELETE localhost:<port>/card` to take it away.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeReader {
  readonly url: string
  /** Places a card (any fields, so tests can also send broken ones), or takes it away with null. */
  place(card: Record<string, unknown> | null): void
  /** Makes the service answer with an error (a reader unplugged), or recover with null. */
  fail(code: string | null): void
  /** How many times the reader was asked. */
  readonly polls: number
  close(): Promise<void>
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startFakeReader(port = 0): Promise<FakeReader> {
  let card: Record<string, unknown> | null = null
  let failure: string | null = null
  let readId = 0
  let polls = 0
  const server: Server = createServer((request, response) => {
    void (async () => {
      response.setHeader('content-type', 'application/json; charset=utf-8')
      if (request.method === 'GET' && request.url === '/readcard') {
        polls += 1
        const answer = failure
          ? { result: 'error', code: failure }
          : card
            ? { result: 'card', readId, ...card }
            : { result: 'no-card' }
        response.end(JSON.stringify(answer))
      } else if (request.method === 'PUT' && request.url === '/card') {
        place(JSON.parse(await body(request)) as Record<string, unknown>)
        response.end('{}')
      } else if (request.method === 'DELETE' && request.url === '/card') {
        place(null)
        response.end('{}')
      } else {
        response.statusCode = 404
        response.end('{}')
      }
    })().catch(() => {
      response.statusCode = 400
      response.end('{}')
    })
  })
  function place(next: Record<string, unknown> | null) {
    card = next
    if (next) readId += 1
  }
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}/readcard`,
    place,
    fail: (code) => {
      failure = code
    },
    get polls() {
      return polls
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
