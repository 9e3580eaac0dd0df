/**
 * Our own accessibility checks, beyond axe-core: body text ≥ 24 CSS px, every control ≥ 72×72 CSS
 * px, every text node at least 7:1 against what is really behind it, at most one primary action.
 * Runs inside the page; returns what fails, with enough to find it.
 */
import type { Page } from 'playwright-core'

export interface OwnFinding {
  readonly check: 'font-size' | 'target-size' | 'contrast' | 'primary-actions'
  readonly detail: string
}

export async function ownChecks(
  page: Page,
  limits = { minFontPx: 24, minTargetPx: 72, minContrast: 7 },
): Promise<OwnFinding[]> {
  return page.evaluate((limits) => {
    const findings: Array<{
      check: 'font-size' | 'target-size' | 'contrast' | 'primary-actions'
      detail: string
    }> = []
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return (
        box.width > 0 &&
        box.height > 0 &&
        style.visibility !== 'hidden' &&
        style.display !== 'none' &&
        el.closest('[aria-hidden="true"]') === null
      )
    }
    const parse = (color: string): [number, number, number, number] => {
      const m = color.match(/rgba?\(([^)]+)\)/)
      if (!m) return [0, 0, 0, 0]
      const parts = m[1]!.split(',').map((p) => parseFloat(p))
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1]
    }
    const luminance = ([r, g, b]: number[]) => {
      const c = (v: number) => {
        const s = v / 255
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * c(r!) + 0.7152 * c(g!) + 0.0722 * c(b!)
    }
    const backgroundOf = (el: Element | null): [number, number, number] => {
      let layers: Array<[number, number, number, number]> = []
      for (let node = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor)
        if (bg[3] > 0) layers.push(bg)
        if (bg[3] >= 1) break
      }
      let result: [number, number, number] = [255, 255, 255]
      layers = layers.reverse()
      for (const [r, g, b, a] of layers)
        result = [r * a + result[0] * (1 - a), g * a + result[1] * (1 - a), b * a + result[2] * (1 - a)]
      return result
    }
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    const seen = new Set<Element>()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || seen.has(el) || !(node.textContent ?? '').trim() || !visible(el)) continue
      if (el.closest('style,script,noscript')) continue
      seen.add(el)
      const style = getComputedStyle(el)
      const size = parseFloat(style.fontSize)
      if (size < limits.minFontPx) findings.push({ check: 'font-size', detail: `${size}px ${describe(el)}` })
      const fg = parse(style.color)
      const bg = backgroundOf(el)
      const a = luminance(fg)
      const b = luminance(bg)
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
      if (ratio < limits.minContrast)
        findings.push({ check: 'contrast', detail: `${ratio.toFixed(2)}:1 ${describe(el)}` })
    }
    for (const el of document.querySelectorAll(
      '[role=button],[role=radio],[role=checkbox],[role=link],[role=tab],button,a[href],textarea,input',
    )) {
      if (!visible(el)) continue
      const box = el.getBoundingClientRect()
      const min = el.matches('textarea,input') ? 48 : limits.minTargetPx
      if (box.width < min || box.height < min)
        findings.push({
          check: 'target-size',
          detail: `${Math.round(box.width)}×${Math.round(box.height)} ${describe(el)}`,
        })
    }
    const primaries = [...document.querySelectorAll('.bb-button-primary')].filter(visible)
    if (primaries.length > 1)
      findings.push({ check: 'primary-actions', detail: primaries.map(describe).join(' | ') })
    return findings
  }, limits)
}
