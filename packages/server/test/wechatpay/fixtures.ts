/** Keys, identities and helpers shared by the WeChat Pay tests. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createWechatPayClient, type WechatPayClientOptions } from '../../src/payments/wechatpay/client'
import {
  startWechatPayStandIn,
  type StandInOptions,
  type WechatPayStandIn,
} from '../../src/payments/wechatpay/standin'

export function rsaPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
}

export const MCHID = '1900000109'
export const APPID = 'wxd678efh567hg6787'
export const MERCHANT_SERIAL = '444F4864EA9B34415D6E8BCB8E4B3B5E1A8D8A7F'
/** The shapes WeChat uses: a platform-certificate serial (hex) and a public-key id. */
export const CERT_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1'
export const PUB_KEY_ID = 'PUB_KEY_ID_0119000001092025112900000000000001'
export const APIV3_KEY = 'a7cde1ef41a8c2f5b9d3e0f6c4b2a1d9'

export const merchant = rsaPair()
export const platformCert = rsaPair()
export const platformPub = rsaPair()
export const rogue = rsaPair()

/** Both verification keys, as a merchant mid-switch holds them. */
export const verificationKeys = new Map<string, KeyObject>([
  [CERT_SERIAL, platformCert.publicKey],
  [PUB_KEY_ID, platformPub.publicKey],
])

export function standIn(over: Partial<StandInOptions> = {}): Promise<WechatPayStandIn> {
  return startWechatPayStandIn({
    mchid: MCHID,
    appid: APPID,
    merchantSerial: MERCHANT_SERIAL,
    merchantPublicKey: merchant.publicKey,
    platformPrivateKey: platformPub.privateKey,
    platformSerial: PUB_KEY_ID,
    apiV3Key: APIV3_KEY,
    ...over,
  })
}

export function clientFor(s: { baseUrl: string }, over: Partial<WechatPayClientOptions> = {}) {
  return createWechatPayClient({
    baseUrl: s.baseUrl,
    mchid: MCHID,
    appid: APPID,
    merchantSerial: MERCHANT_SERIAL,
    merchantPrivateKey: merchant.privateKey,
    verificationKeys,
    notifyUrl: 'https://pay.example.cn/wechatpay/notify',
    ...over,
  })
}

export interface Receiver {
  url: string
  received: Array<{ headers: IncomingMessage['headers']; rawBody: Buffer }>
  close(): Promise<void>
}

/** A local notify endpoint; `answer` decides the status for each raw callback. */
export async function receiver(
  answer: (r: { headers: IncomingMessage['headers']; rawBody: Buffer }) => number,
): Promise<Receiver> {
  const received: Receiver['received'] = []
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const r = { headers: req.headers, rawBody: Buffer.concat(chunks) }
    received.push(r)
    const status = answer(r)
    res.writeHead(status, status === 204 ? {} : { 'Content-Type': 'application/json' })
    res.end(status === 204 ? '' : JSON.stringify({ code: 'FAIL', message: 'refused' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/wechatpay/notify`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
