/**
 * The fallback through the OS printer queue (Chromium's silent `webContents.print`): the receipt
 * as a small HTML page at the paper's width. Electron's silent printing has regressed often
 * (electron#30340, #40778), so it is used only where a printer takes no raw ESC/POS.
 */
import type { Receipt } from '@bangban/shared/platform/Platform'

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  )
}

/** The page to print; `qrImage` is a data: URL of the QR code, made by the caller. */
export function receiptHtml(
  receipt: Receipt,
  paperWidthMm: 58 | 80,
  qrImage: string | null,
  lang: string,
): string {
  const rows = receipt.lines
    .map((line) => `<tr><th>${escapeHtml(line.label)}</th><td>${escapeHtml(line.value)}</td></tr>`)
    .join('')
  return [
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">`,
    `<style>@page{size:${paperWidthMm}mm auto;margin:0}body{width:${paperWidthMm - 6}mm;margin:0 3mm;`,
    'font:14px sans-serif;color:#000}h1{font-size:18px;text-align:center}.big{font-size:32px;',
    'font-weight:bold;text-align:center}table{width:100%;border-collapse:collapse}th{text-align:left;',
    'font-weight:normal}td{text-align:right}img{display:block;margin:8px auto;width:60%}</style></head><body>',
    `<h1>${escapeHtml(receipt.title)}</h1>`,
    receipt.highlight ? `<p class="big">${escapeHtml(receipt.highlight)}</p>` : '',
    `<table>${rows}</table>`,
    qrImage && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(qrImage)
      ? `<img alt="" src="${qrImage}">`
      : '',
    '</body></html>',
  ].join('')
}

/** Chromium's page size is in microns; the height is generous, a thermal roll has no pages. */
export function printOptions(deviceName: string, paperWidthMm: 58 | 80) {
  return {
    silent: true,
    printBackground: false,
    deviceName,
    margins: { marginType: 'none' as const },
    pageSize: { width: paperWidthMm * 1000, height: 297_000 },
  }
}
