/** Writes the accessibility audit as one HTML page with a screenshot per screen. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface AuditRecord {
  readonly name: string
  readonly screenshot: string
  readonly axe: ReadonlyArray<{ id: string; impact: string | null | undefined; nodes: string[] }>
  readonly own: ReadonlyArray<{ check: string; detail: string }>
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

export function writeReport(dir: string, records: readonly AuditRecord[]): string {
  mkdirSync(dir, { recursive: true })
  const failing = records.filter((r) => r.axe.length || r.own.length)
  const rows = records
    .map((r) => {
      const problems = [
        ...r.axe.map((v) => `axe ${v.id} (${v.impact}): ${v.nodes.join(', ')}`),
        ...r.own.map((f) => `${f.check}: ${f.detail}`),
      ]
      return `<section class="${problems.length ? 'bad' : 'ok'}"><h2>${escape(r.name)} — ${problems.length ? `${problems.length} problem(s)` : 'no problems'}</h2>${
        problems.length ? `<ul>${problems.map((p) => `<li>${escape(p)}</li>`).join('')}</ul>` : ''
      }<img src="${escape(r.screenshot)}" alt="${escape(r.name)}" loading="lazy"></section>`
    })
    .join('\n')
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Kiosk accessibility audit</title>
<style>body{font:16px/1.5 sans-serif;margin:2rem}section{border:2px solid #135c2a;margin:1rem 0;padding:1rem}section.bad{border-color:#8f1414}img{max-width:360px;border:1px solid #999}</style>
<h1>Kiosk accessibility audit</h1><p>${records.length} screens and states, ${failing.length} with problems. Checks: axe-core (WCAG 2.2 AA and best practices); body text ≥ 24 px; controls ≥ 72×72 px; text contrast ≥ 7:1; at most one primary action.</p>
${rows}</html>`
  const file = join(dir, 'index.html')
  writeFileSync(file, html)
  return file
}
