/**
 * The printed receipt of a payment, the same for the resident's own payment and for cash at the
 * counter: each bill with its 户号, payee, period and amount, then what the counter adds (cash
 * received and change), when it was paid, its short number (P261206-0007), and who handled it.
 */
import type { TFunction } from 'i18next'
import type { Bill } from '@bangban/core/api/bills'
import type { Payment } from '@bangban/core/api/payments'
import { shanghaiDate, shanghaiTime } from '@bangban/core/domain/time'
import { displayMoney, displayBillTitle } from '@bangban/core/format/display'
import type { Receipt, ReceiptLine } from '../platform/Platform'

/** What a receipt says about one bill: what it is for and who was paid, with its amount. */
export function billReceiptLines(t: TFunction, bill: Bill): ReceiptLine[] {
  return [
    { label: displayBillTitle(t, bill.kind, bill.period), value: displayMoney(bill.amountFen) },
    ...(bill.accountNo ? [{ label: t('pay.accountLabel'), value: bill.accountNo }] : []),
    ...(bill.payee ? [{ label: t('pay.payee'), value: bill.payee }] : []),
  ]
}

export function paymentReceipt(
  t: TFunction,
  title: string,
  payment: Payment,
  bills: readonly Bill[],
  extra: { beforePaidAt?: readonly ReceiptLine[]; after?: readonly ReceiptLine[] } = {},
): Receipt {
  return {
    title,
    highlight: displayMoney(payment.amountFen),
    lines: [
      ...bills.flatMap((b) => billReceiptLines(t, b)),
      ...(bills.length > 1 ? [{ label: t('pay.total'), value: displayMoney(payment.amountFen) }] : []),
      ...(extra.beforePaidAt ?? []),
      {
        label: t('pay.paidAt'),
        value: payment.paidAt ? `${shanghaiDate(payment.paidAt)} ${shanghaiTime(payment.paidAt)}` : '',
      },
      { label: t('pay.paymentNo'), value: payment.paymentNo },
      ...(extra.after ?? []),
    ],
  }
}
