/**
 * Issue 19, D4: one rule for all text input (core/api/text.ts), the same on both engines. NUL,
 * controls, bidirectional overrides and zero-width characters are refused with VALIDATION_FAILED
 * (where, unsafe_characters), never a 500 and never stored; text is stored NFC; line breaks only
 * where several lines are meant.
 */
import { acceptableText, checkTextInput } from '@bangban/core/api'
import { bearer, describeOnEngines, idNumberFor, KIOSK_KEY, residents } from './support/service'

describe('the text rule', () => {
  it('refuses invisible and direction-changing characters, keeps CJK and emoji, normalises to NFC', () => {
    for (const bad of [
      'N\u0000UL',
      '王\u0007\u001b[31m明',
      '王\u202e明小',
      '王\u200b明',
      'a\u2028b',
      'a\ufeffb',
      'x\ufffe',
      'a\u2066b',
    ])
      expect(acceptableText(bad, false)).toBeNull()
    expect(acceptableText('a\nb', false)).toBeNull()
    expect(acceptableText('a\r\nb\tc', true)).toBe('a\nb\tc')
    expect(acceptableText('a\rb', true)).toBeNull()
    expect(acceptableText('王小明 𠮷 😀', false)).toBe('王小明 𠮷 😀')
    expect(acceptableText('\u1100\u1161', false)).toBe('\uac00')
    expect(acceptableText('Cafe\u0301', false)).toBe('Caf\u00e9')
    expect(checkTextInput({ name: 'a\u0000', list: ['ok', 'b\u202e'] }, 'body').problems).toEqual([
      { where: 'body.name', problem: 'unsafe_characters' },
      { where: 'body.list.1', problem: 'unsafe_characters' },
    ])
  })
})

describeOnEngines('text input', (on) => {
  let n = 0
  const idCard = (name: string) =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/id-card',
      headers: { 'x-kiosk-key': KIOSK_KEY, 'x-forwarded-for': `10.40.0.${++n}` },
      payload: { name, idNumber: idNumberFor(980 + n) },
    })

  it('refuses a name with NUL, controls, an override or a zero-width character, and stores none', async () => {
    for (const name of ['N\u0000UL', '王\u0007\u001b[31m明', '王\u202e明小', '王\u200b明', '王\n明']) {
      const res = await idCard(name)
      expect(res.statusCode).toBe(400)
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ where: 'body.name', problem: 'unsafe_characters' }],
      })
    }
    const stored = await on.service.ctx.db.selectFrom('residents').select('name').execute()
    expect(stored.filter((r) => acceptableText(r.name, false) !== r.name)).toEqual([])
  })

  it('stores names NFC', async () => {
    const res = await idCard('\u1100\u1161\u1102\u1161')
    expect(res.statusCode).toBe(201)
    const row = await on.service.ctx.db
      .selectFrom('residents')
      .select('name')
      .where('id', '=', res.json().resident.id)
      .executeTakeFirstOrThrow()
    expect(row.name).toBe('\uac00\ub098')
  })

  it('allows line breaks in a description, not in an address; NUL nowhere', async () => {
    const [resident] = await residents(on.service, 1, 990)
    const submit = (payload: object) =>
      on.service.app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        headers: bearer(resident!.token),
        payload,
      })
    const base = { categoryId: 'cat-repair', contactPhone: '138 1234 5678' }
    const refused = async (payload: object, where: string) => {
      const res = await submit(payload)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details).toEqual([{ where, problem: 'unsafe_characters' }])
    }
    await refused({ ...base, address: '幸福里1号楼', description: 'a\u0000b' }, 'body.description')
    await refused({ ...base, description: 'ok', address: '幸福里\u00001号楼' }, 'body.address')
    await refused({ ...base, description: 'ok', address: '幸福里\n1号楼' }, 'body.address')
    const twoLines = await submit({ ...base, address: '幸福里1号楼', description: '楼道灯坏了\r\n三楼' })
    expect(twoLines.json()).toMatchObject({ description: '楼道灯坏了\n三楼' })
    expect(twoLines.json().description).toBe('楼道灯坏了\n三楼')
  })
})
