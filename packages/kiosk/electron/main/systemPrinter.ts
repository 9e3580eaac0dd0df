/** The silent OS-queue print fallback: a hidden, script-less window prints the receipt page. */
import type { Receipt } from '@bangban/shared/platform/Platform'
import { BrowserWindow } from 'electron'
import QRCode from 'qrcode'
import { printOptions, receiptHtml } from '../devices/printer/systemPrint'

export async function systemPrint(
  receipt: Receipt,
  deviceName: string,
  paperWidthMm: 58 | 80,
): Promise<void> {
  const qrImage = receipt.qr
    ? await QRCode.toDataURL(receipt.qr, { errorCorrectionLevel: 'M', margin: 1 })
    : null
  const html = receiptHtml(receipt, paperWidthMm, qrImage, 'zh-CN')
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
      partition: 'print',
    },
  })
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    await new Promise<void>((resolve, reject) =>
      win.webContents.print(printOptions(deviceName, paperWidthMm), (success, reason) =>
        success ? resolve() : reject(new Error(reason)),
      ),
    )
  } finally {
    win.destroy()
  }
}
