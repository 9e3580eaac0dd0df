/**
 * The page staff see when the configuration file is missing or wrong: what is wrong, in which
 * file, field by field, in the machine's language. Residents get one line telling them where to go.
 * Static HTML (no script), served from app://kiosk under a CSP that allows none.
 */
import { createI18n, resolveLanguage } from '@bangban/core/i18n'
import type { ConfigResult } from '../config/load'

type Failure = Extract<ConfigResult, { ok: false }>

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  )
}

const STYLE = [
  'body{font:24px/1.6 sans-serif;margin:48px;color:#111;background:#fff}',
  'h1{font-size:40px;margin:0 0 16px}',
  '.resident{font-size:32px;font-weight:bold;border:4px solid #111;padding:24px;margin:0 0 32px}',
  'table{border-collapse:collapse;width:100%}th,td{border:2px solid #444;padding:8px 12px;text-align:left}',
  'code{font-size:22px;word-break:break-all}',
].join('')

export function configErrorPage(failure: Failure, systemLocale: string): string {
  const lang = resolveLanguage(systemLocale)
  const t = createI18n(lang).t
  const e = (key: string, options?: Record<string, string>) => escapeHtml(t(`kioskShell.${key}`, options))
  const lead = { missing: 'missing', unreadable: 'unreadable', 'not-json': 'notJson', invalid: 'invalid' }[
    failure.reason
  ]
  const details =
    failure.reason === 'missing'
      ? `<ul>${failure.problems.map((p) => `<li><code>${escapeHtml(p.message)}</code></li>`).join('')}</ul>`
      : failure.reason === 'invalid'
        ? `<table><thead><tr><th scope="col">${e('field')}</th><th scope="col">${e('problem')}</th></tr></thead><tbody>${failure.problems
            .map(
              (p) =>
                `<tr><td><code>${p.path ? escapeHtml(p.path) : e('wholeFile')}</code></td><td>${escapeHtml(p.message)}</td></tr>`,
            )
            .join('')}</tbody></table>`
        : `<p><code>${escapeHtml(failure.problems[0]?.message ?? '')}</code></p>`
  return [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">`,
    `<title>${e('configErrorTitle')}</title><style>${STYLE}</style></head><body><main>`,
    `<h1>${e('configErrorTitle')}</h1>`,
    `<p class="resident">${e('residentNotice')}</p>`,
    `<p>${e('staffIntro')}</p>`,
    failure.file ? `<p>${e('configFile', { file: failure.file })}</p>` : '',
    `<h2>${e(lead)}</h2>`,
    details,
    `<p>${e('help')}</p>`,
    '</main></body></html>',
  ].join('')
}
