/**
 * How WeChat's payment sheet (wx.requestPayment) closed without paying: the payer cancelled
 * ("requestPayment:fail cancel") or it failed (no network, a lapsed order, a refused card). Both
 * leave the order open: the screen offers 重新付款 with the same order or choosing again.
 */
export type SheetOutcome = 'cancelled' | 'failed'

export function sheetOutcome(error: unknown): SheetOutcome {
  const message = (error as { errMsg?: unknown } | null)?.errMsg
  return typeof message === 'string' && /cancel/i.test(message) ? 'cancelled' : 'failed'
}
