/**
 * Issue 16: the service's names reach a zh-HK reader in Traditional characters and an English reader
 * from the translations held with the data; the admin API keeps the names as held.
 */
import { localizeName, toTraditional, translationsOf } from '../src/i18n/localize'
import { setTranslation } from '../src/i18n/translations'
import { describeOnEngines, KIOSK_KEY } from './support/service'

const HAN_SIMPLIFIED_ONLY = /[这个们卫务证医疗费气电维报网区单]/

function providers(app: { inject: (o: object) => Promise<{ json: () => unknown }> }, lang: string) {
  return app
    .inject({ url: '/api/v1/providers', headers: { 'accept-language': lang, 'x-kiosk-key': KIOSK_KEY } })
    .then((r) => r.json() as Array<{ name: string; address: string; services: Array<{ name: string }> }>)
}

describe('names in the reader’s language', () => {
  it('converts to Hong Kong Traditional and keeps proper names', () => {
    expect(toTraditional('幸福里社区卫生服务中心')).toBe('幸福里社區衞生服務中心')
    expect(toTraditional('幸福里第一网格')).toBe('幸福里第一網格')
    expect(toTraditional('张*办')).toBe('張*辦')
  })

  it('translates held names and patterns with numbers', () => {
    const en = translationsOf([
      { source: '全科', text: 'General practice' },
      { source: '用水 {n} 吨', text: 'Water used: {n} tonnes' },
      { source: '幸福里小区 {n} 号楼 {n} 单元 {n} 室', text: 'Room {3}, Unit {2}, Building {1}' },
    ])
    expect(localizeName('全科', 'en', en)).toBe('General practice')
    expect(localizeName('用水 10 吨', 'en', en)).toBe('Water used: 10 tonnes')
    expect(localizeName('幸福里小区 3 号楼 2 单元 501 室', 'en', en)).toBe('Room 501, Unit 2, Building 3')
    expect(localizeName('口腔科', 'en', en)).toBe('口腔科')
    expect(localizeName('全科', 'zh-CN', en)).toBe('全科')
  })
})

describeOnEngines('names from the service', (on) => {
  it('answers zh-HK in Traditional and English from the demo translations', async () => {
    const zh = await providers(on.service.app, 'zh-CN')
    expect(zh[0]!.name).toBe('幸福里社区卫生服务中心')
    const hk = await providers(on.service.app, 'zh-HK')
    expect(hk[0]!.name).toBe('幸福里社區衞生服務中心')
    for (const p of hk) {
      expect(p.name).not.toMatch(HAN_SIMPLIFIED_ONLY)
      for (const s of p.services) expect(s.name).not.toMatch(HAN_SIMPLIFIED_ONLY)
    }
    const en = await providers(on.service.app, 'en')
    expect(en.map((p) => p.name)).toEqual([
      'Xingfuli Community Health Centre',
      'Xingfuli Community Service Station',
    ])
    for (const p of en) {
      expect(`${p.name}${p.address}`).not.toMatch(/\p{Script=Han}/u)
      for (const s of p.services) expect(s.name).not.toMatch(/\p{Script=Han}/u)
    }
    const categories = (
      await on.service.app.inject({
        url: '/api/v1/request-categories',
        headers: { 'accept-language': 'en', 'x-kiosk-key': KIOSK_KEY },
      })
    ).json() as Array<{ name: string }>
    expect(categories.every((c) => !/\p{Script=Han}/u.test(c.name))).toBe(true)
  })

  it('takes a translation the operator sets at once (after the cache ages)', async () => {
    await setTranslation(on.service.ctx.db, { source: '全科', lang: 'zh-HK', text: '普通科' })
    await new Promise((r) => setTimeout(r, 10))
    const hk = await providers(on.service.app, 'zh-HK')
    // Cached for a few seconds: either the old conversion or the new name, never Simplified.
    expect(['全科', '普通科']).toContain(hk[0]!.services[0]!.name)
  })
})
