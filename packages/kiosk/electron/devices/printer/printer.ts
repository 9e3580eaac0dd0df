/** The receipt printer the bridge prints through: ESC/POS bytes to a transport, or the OS queue. */
import type { Receipt } from '@bangban/shared/platform/Platform'
import { receiptBytes, type PaperWidth } from './layout'
import type { PrinterTransport } from './transports'

export interface ReceiptPrinter {
  print(receipt: Receipt): Promise<void>
}

export function escposPrinter(transport: PrinterTransport, paper: PaperWidth): ReceiptPrinter {
  // One receipt at a time: two jobs interleaved on one printer would print as one garbled slip.
  let queue: Promise<void> = Promise.resolve()
  return {
    print(receipt) {
      const job = queue.then(() => transport.write(receiptBytes(receipt, paper)))
      queue = job.catch(() => undefined)
      return job
    },
  }
}
