/**
 * Issue 19, D6: a resident's client checks that an entry of their own trail is in the latest
 * signed tree head (RFC 9162 inclusion proof) with core's checkEntryProof. A proof altered on the
 * way, or one for another entry than the one shown, fails; no resident gets a proof of another's.
 */
import { verify } from 'node:crypto'
import { checkEntryProof, treeHeadText, type EntryProofInput, type ShownEntry } from '@bangban/core/audit'
import { bearer, describeOnEngines, idNumberFor, KIOSK_KEY, staffToken } from './support/service'

describeOnEngines('inclusion proofs for a resident’s trail', (on) => {
  let alice: { id: string; token: string }
  let bob: { id: string; token: string }

  const signIn = async (name: string, n: number) => {
    const res = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/id-card',
      headers: { 'x-kiosk-key': KIOSK_KEY },
      payload: { name, idNumber: idNumberFor(n) },
    })
    expect(res.statusCode).toBe(201)
    return { id: res.json().resident.id as string, token: res.json().token as string }
  }
  const trail = async (token: string) => {
    const res = await on.service.app.inject({ url: '/api/v1/me/audit', headers: bearer(token) })
    expect(res.statusCode).toBe(200)
    return res.json() as ShownEntry[]
  }
  const proof = (token: string, seq: number | string) =>
    on.service.app.inject({ url: `/api/v1/me/audit/${seq}/proof`, headers: bearer(token) })
  const signature = (text: string, sig: string, keyId: string) =>
    keyId === on.service.ctx.audit.signer.keyId &&
    verify(null, Buffer.from(text), on.service.ctx.audit.signer.publicKey, Buffer.from(sig, 'base64'))

  beforeAll(async () => {
    alice = await signIn('欧阳春花', 51)
    bob = await signIn('司马秋实', 52)
    // A helper acts for Alice: consent asked and approved, a delegated token issued.
    const helper = await staffToken(on.service, 'H1001')
    const post = (token: string, url: string, payload: object = {}) =>
      on.service.app.inject({ method: 'POST', url, headers: bearer(token), payload })
    const asked = (await post(helper, '/api/v1/consents', { scopes: ['booking'] })).json()
    expect(
      (await post(alice.token, `/api/v1/consents/${asked.id}/approve`, { code: asked.code })).json(),
    ).toMatchObject({
      status: 'approved',
    })
    expect((await post(helper, `/api/v1/consents/${asked.id}/token`)).statusCode).toBe(201)
  })

  it('proves every entry of the resident’s trail against a signed head, even one newer than the last head', async () => {
    const entries = await trail(alice.token)
    expect(entries.length).toBeGreaterThanOrEqual(3)
    for (const entry of entries) {
      const res = await proof(alice.token, entry.seq)
      expect({ seq: entry.seq, status: res.statusCode }).toEqual({ seq: entry.seq, status: 200 })
      const body = res.json() as EntryProofInput
      expect(body.head.treeSize).toBeGreaterThanOrEqual(entry.seq)
      expect(checkEntryProof(body, entry, signature)).toEqual({
        ok: true,
        shortHead: `${body.head.treeSize}:${body.head.rootHash.slice(0, 8)}`,
      })
    }
  })

  it('fails a proof altered on the way, or one about another entry', async () => {
    const [entry, other] = await trail(alice.token)
    const good = (await proof(alice.token, entry!.seq)).json() as EntryProofInput
    expect(checkEntryProof(good, entry!).ok).toBe(true)
    const flip = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1)
    const fails = (changed: EntryProofInput, shown: ShownEntry = entry!) => checkEntryProof(changed, shown)
    // A hash of the path changed, the root changed, a path cut short or made longer.
    if (good.auditPath.length > 0) {
      expect(fails({ ...good, auditPath: [flip(good.auditPath[0]!), ...good.auditPath.slice(1)] })).toEqual({
        ok: false,
        problem: 'not-in-head',
      })
      expect(fails({ ...good, auditPath: good.auditPath.slice(1) })).toMatchObject({ problem: 'not-in-head' })
    }
    expect(fails({ ...good, auditPath: [...good.auditPath, good.head.rootHash] })).toMatchObject({
      problem: 'not-in-head',
    })
    expect(fails({ ...good, head: { ...good.head, rootHash: flip(good.head.rootHash) } })).toMatchObject({
      problem: 'not-in-head',
    })
    // The entry rewritten, shown and proved alike (what an insider who changed the row would serve).
    const forged = JSON.parse(good.canonical) as unknown[]
    forged[7] = 'rewritten'
    expect(
      fails({ ...good, canonical: JSON.stringify(forged) }, { ...entry!, target: 'rewritten' }),
    ).toMatchObject({ problem: 'not-in-head' })
    // A good proof of another entry does not vouch for the one shown.
    const ofOther = (await proof(alice.token, other!.seq)).json() as EntryProofInput
    expect(fails(ofOther)).toMatchObject({ problem: 'not-this-entry' })
    expect(fails({ ...ofOther, seq: entry!.seq, leafIndex: entry!.seq - 1 })).toMatchObject({
      problem: 'not-this-entry',
    })
    // A head whose time was changed after signing keeps its root but not its signature.
    expect(
      checkEntryProof(
        { ...good, head: { ...good.head, signedAt: '2030-01-01T00:00:00.000Z' } },
        entry!,
        signature,
      ),
    ).toMatchObject({ problem: 'signature' })
  })

  it('gives no resident a proof of another’s entry, nor of one that does not exist', async () => {
    const [entry] = await trail(alice.token)
    const refused = await proof(bob.token, entry!.seq)
    expect(refused.statusCode).toBe(404)
    expect(refused.body).not.toContain(alice.id)
    expect((await proof(alice.token, 99_999)).statusCode).toBe(404)
    expect((await proof(alice.token, 'x')).statusCode).toBe(400)
    expect((await proof(alice.token, 0)).statusCode).toBe(400)
    expect((await on.service.app.inject({ url: `/api/v1/me/audit/${entry!.seq}/proof` })).statusCode).toBe(
      401,
    )
  })

  it('gives the head a receipt prints, covering what was just done, and the same on the daily report', async () => {
    const head = async (headers: Record<string, string>) => {
      const res = await on.service.app.inject({ url: '/api/v1/audit/head', headers })
      expect(res.statusCode).toBe(200)
      return res.json() as EntryProofInput['head'] & { shortHash: string }
    }
    const entries = async () =>
      Number(
        (
          await on.service.ctx.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    // A sign-in is an entry: the kiosk's receipt right after it has a head that includes it.
    await signIn('欧阳春花', 51)
    const atKiosk = await head({ 'x-kiosk-key': KIOSK_KEY })
    expect(atKiosk.treeSize).toBe(await entries())
    expect(atKiosk.shortHash).toBe(`${atKiosk.treeSize}:${atKiosk.rootHash.slice(0, 8)}`)
    expect(signature(treeHeadText(atKiosk), atKiosk.signature, atKiosk.keyId)).toBe(true)
    // Reading it adds no entry, so it does not move; a resident and staff read the same.
    expect(await head(bearer(alice.token))).toEqual(atKiosk)
    const admin = await staffToken(on.service, 'A0001')
    expect(await head(bearer(admin))).toEqual(atKiosk)
    expect(await entries()).toBe(atKiosk.treeSize)
    // The day's report, after one more entry, names the head that includes it.
    await signIn('司马秋实', 52)
    expect(await entries()).toBe(atKiosk.treeSize + 1)
    const board = await on.service.app.inject({ url: '/api/v1/admin/dashboard', headers: bearer(admin) })
    expect(board.statusCode).toBe(200)
    expect(board.json().auditHead).toEqual({
      shortHash: expect.stringMatching(new RegExp(`^${atKiosk.treeSize + 1}:[0-9a-f]{8}$`)),
      treeSize: atKiosk.treeSize + 1,
      signedAt: expect.any(String),
    })
    // Nobody without credentials.
    expect((await on.service.app.inject({ url: '/api/v1/audit/head' })).statusCode).toBe(401)
  })
})
