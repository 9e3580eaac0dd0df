/**
 * The printed receipt of a payment, the same for the resident's own payment and for cash at the
 * counter: the bills, then what the counter adds (cash received and change), when it was paid,
 * its number, and who handled it.
 */
import type { TFunction } from 'i18next'
import type { Bill } from '@bangban/core/api/bills'
import type { Payment } from '@bangban/core/api/payments'
import { shanghaiDate, shanghaiTime } from '@bangban/core/domain/time'
import { displayMoney, displayBillTitle } from '@bangban/core/format/display'
import type { Receipt, ReceiptLine } from '../platform/Platform'

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
      ...bills.map((b) => ({
        label: displayBillTitle(t, b.kind, b.period),
        value: displayMoney(b.amountFen),
      })),
      ...(extra.beforePaidAt ?? []),
      {
        label: t('pay.paidAt'),
        value: payment.paidAt ? `${shanghaiDate(payment.paidAt)} ${shanghaiTime(payment.paidAt)}` : '',
      },
      { label: t('pay.paymentNo'), value: payment.id },
      ...(extra.after ?? []),
    ],
  }
}
