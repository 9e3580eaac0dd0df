import {
  ApiError,
  createApiClient,
  createMiniProgramTransport,
  type Transport,
  type TransportRequest,
} from '../src/api'

const appointment = {
  id: 'apt_1',
  slotId: 'slot_1',
  serviceId: 'svc_1',
  serviceName: '全科',
  providerName: '幸福里社区卫生服务中心',
  startsAt: '2026-11-30T00:00:00.000Z',
  endsAt: '2026-11-30T00:30:00.000Z',
  ticketNo: 'A001',
  status: 'booked',
  createdAt: '2026-11-29T01:00:00.000Z',
  cancelledAt: null,
}

function recordingTransport(
  status: number,
  body: unknown,
): { transport: Transport; sent: TransportRequest[] } {
  const sent: TransportRequest[] = []
  return {
    sent,
    transport: async (request) => {
      sent.push(request)
      return { status, body }
    },
  }
}

describe('typed API client', () => {
  it('sends method, path, query, token, idempotency key and JSON body from the contract', async () => {
    const { transport, sent } = recordingTransport(201, appointment)
    const client = createApiClient({
      baseUrl: 'http://svc/',
      transport,
      getToken: () => 'tok',
      getHeaders: () => ({ 'accept-language': 'en' }),
    })
    const result = await client.call('createAppointment', {
      body: { slotId: 'slot_1' },
      idempotencyKey: 'key-12345678',
    })
    expect(result.ticketNo).toBe('A001')
    expect(sent[0]).toEqual({
      method: 'POST',
      url: 'http://svc/api/v1/appointments',
      headers: {
        accept: 'application/json',
        'accept-language': 'en',
        authorization: 'Bearer tok',
        'idempotency-key': 'key-12345678',
        'content-type': 'application/json',
      },
      body: '{"slotId":"slot_1"}',
    })
  })

  it('fills path parameters and query strings', async () => {
    const { transport, sent } = recordingTransport(200, [])
    const client = createApiClient({ baseUrl: 'http://svc', transport })
    await client.call('listSlots', { query: { serviceId: 'svc 1', date: '2026-11-30' } })
    expect(sent[0]!.url).toBe('http://svc/api/v1/slots?serviceId=svc%201&date=2026-11-30')
    const cancel = recordingTransport(200, appointment)
    await createApiClient({ baseUrl: 'http://svc', transport: cancel.transport }).call('cancelAppointment', {
      params: { id: 'apt_1' },
    })
    expect(cancel.sent[0]!.url).toBe('http://svc/api/v1/appointments/apt_1/cancel')
  })

  it('maps error bodies to typed errors with their stable code', async () => {
    const { transport } = recordingTransport(409, {
      error: { code: 'SLOT_FULL', message: '这个时间已经约满了' },
    })
    const client = createApiClient({ baseUrl: 'http://svc', transport })
    await expect(client.call('createAppointment', { body: { slotId: 's' } })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'SLOT_FULL',
      status: 409,
    })
  })

  it('maps an unknown error body by status, and a failed transport to NETWORK', async () => {
    const bad = createApiClient({
      baseUrl: 'http://svc',
      transport: recordingTransport(502, '<html>').transport,
    })
    await expect(bad.call('listProviders')).rejects.toMatchObject({ code: 'INTERNAL', status: 502 })
    const down = createApiClient({
      baseUrl: 'http://svc',
      transport: async () => {
        throw new Error('connect ECONNREFUSED')
      },
    })
    const error = await down.call('listProviders').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('NETWORK')
  })

  it('refuses a response that does not match the contract', async () => {
    const client = createApiClient({
      baseUrl: 'http://svc',
      transport: recordingTransport(200, [{ id: 1 }]).transport,
    })
    await expect(client.call('listProviders')).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  it('mini-program transport sends raw JSON text and parses the reply', async () => {
    const calls: unknown[] = []
    const transport = createMiniProgramTransport(async (options) => {
      calls.push(options)
      return { statusCode: 200, data: '{"ok":true}' }
    })
    const response = await transport({
      method: 'POST',
      url: 'https://svc/x',
      headers: { a: 'b' },
      body: '{"x":1}',
    })
    expect(response).toEqual({ status: 200, body: { ok: true } })
    expect(calls[0]).toMatchObject({
      url: 'https://svc/x',
      method: 'POST',
      header: { a: 'b' },
      data: '{"x":1}',
      responseType: 'text',
    })
  })
})
