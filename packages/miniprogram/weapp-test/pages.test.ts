/**
 * Every page of the built mini-program against the real service, as WeChat's screen reader meets
 * it: each control says what it is (aria-role), what it is called (aria-label) and its state
 * (aria-checked, aria-disabled); decorative pictures are hidden (aria-hidden); what changes by
 * itself is announced (aria-live). Read from the rendered WXML, attribute by attribute.
 */
import { phoneSession, startTestService, type TestService } from './service'
import {
  attributesOf,
  bootApp,
  elementsOf,
  openPage,
  textOf,
  waitFor,
  wxml,
  wxmlText,
  type SimComponent,
  type WxmlNode,
} from './sim'

let test: TestService

beforeAll(async () => {
  test = await startTestService()
  const { stored } = await phoneSession(test.service, 1)
  const { wx } = bootApp({ 'bangban.visit.v1': stored })
  wx.respond(test.handler)
})
afterAll(() => test.close())

/** The pages, what shows once each has loaded, and the controls a resident finds there. */
const PAGES: ReadonlyArray<[route: string, loaded: string, controls: readonly string[]]> = [
  ['pages/index/index', '预约挂号', ['预约挂号', '生活缴费', '反映问题', '我的记录']],
  ['pages/signin/index', '微信登录', ['微信登录', '返回', '回到首页']],
  ['pages/book/index', '社区卫生服务中心', ['再听一遍', '返回']],
  ['pages/pay/index', '水费', ['水费', '电费', '燃气费', '物业费']],
  ['pages/request/index', '维修报修', ['维修报修', '返回', '回到首页']],
  ['pages/records/index', '我的预约', ['返回', '回到首页']],
  ['pages/family/index', '请家人同意我帮他办', ['请家人同意我帮他办']],
  ['pages/scan-consent/index', '扫一扫', ['扫一扫']],
]

const role = (node: WxmlNode) => attributesOf(node)['aria-role']
const classes = (node: WxmlNode) => (attributesOf(node).class ?? '').split(/\s+/)

async function loaded(route: string, text: string): Promise<SimComponent> {
  const page = openPage(route)
  await waitFor(() => textOf(page).includes(text), `${route} to show ${text}`, 8000).catch((e: Error) => {
    throw new Error(`${e.message}: ${textOf(page)}`)
  })
  return page
}

describe.each(PAGES)('%s', (route, text, controls) => {
  let nodes: WxmlNode[]
  beforeAll(async () => {
    const page = await loaded(route, text)
    nodes = elementsOf(page.toJSON())
    // Kept for a look at what the screen reader gets (not asserted as a whole).
    expect(wxml(page)).toContain('aria-role="button"')
  })

  it('gives every control a role and a name', () => {
    const pressables = nodes.filter((n) => classes(n).includes('bb-pressable'))
    expect(pressables.length).toBeGreaterThan(0)
    for (const control of pressables) {
      const attrs = attributesOf(control)
      expect([attrs['aria-role'], attrs['aria-label']]).toEqual([
        expect.stringMatching(/^(button|radio|checkbox|link|tab)$/),
        expect.stringMatching(/\S/),
      ])
      // The name starts with what is written on it, so a sighted helper and the reader agree.
      expect(attrs['aria-label']!.replace(/\s/g, '')).toContain(wxmlText(control).trim().split(/\s/)[0]!)
    }
    const names = pressables.map((n) => attributesOf(n)['aria-label'])
    for (const control of controls) expect(names.some((name) => name?.startsWith(control))).toBe(true)
  })

  it('says which choices are chosen', () => {
    for (const choice of nodes.filter((n) => ['radio', 'checkbox'].includes(role(n) ?? '')))
      expect(attributesOf(choice)['aria-checked']).toMatch(/^(true|false)$/)
    for (const off of nodes.filter((n) => classes(n).includes('bb-disabled')))
      expect(attributesOf(off)['aria-disabled']).toBe('true')
  })

  it('hides the decorative pictures and names the others', () => {
    const images = nodes.filter((n) => n.tagName === 'wx-image')
    for (const image of images) {
      const attrs = attributesOf(image)
      if (classes(image).includes('bb-icon')) expect(attrs['aria-hidden']).toBe('true')
      else expect([attrs['aria-role'], attrs['aria-label']]).toEqual(['img', expect.stringMatching(/\S/)])
    }
  })

  it('announces what changes by itself', () => {
    for (const live of nodes.filter((n) => ['status', 'alert'].includes(role(n) ?? '')))
      expect(attributesOf(live)['aria-live']).toMatch(/^(polite|assertive)$/)
    // Landmarks reach WeChat under its own attribute name.
    expect(nodes.map(role)).toEqual(expect.arrayContaining(['banner', 'main', 'navigation']))
  })
})
