/**
 * What was paid, on screen as on paper: each bill with its 户号, payee, period and amount, the total,
 * and the payment's short number to read out over the phone.
 */
import { Text, View } from '@tarojs/components'
import type { Bill } from '@bangban/core/api/bills'
import type { Payment } from '@bangban/core/api/payments'
import { displayMoney } from '@bangban/core/format/display'
import type { PropsWithChildren } from 'react'
import { useT } from '../i18n/useT'
import { billReceiptLines } from './paymentReceipt'

export function PaymentSummary({
  payment,
  bills,
  testId,
  children,
}: PropsWithChildren<{ payment: Payment; bills: readonly Bill[]; testId: string }>) {
  const t = useT()
  return (
    <View className="bb-card" data-testid={testId}>
      {bills.map((b) => (
        <View key={b.id} className="bb-receipt-bill">
          {billReceiptLines(t, b).map((line) => (
            <View key={line.label} className="bb-row">
              <Text className="bb-row-label">{line.label}</Text>
              <Text className="bb-row-value">{line.value}</Text>
            </View>
          ))}
        </View>
      ))}
      <View className="bb-row">
        <Text className="bb-row-label">{t('pay.total')}</Text>
        <Text className="bb-row-value">{displayMoney(payment.amountFen)}</Text>
      </View>
      {children}
      <View className="bb-row">
        <Text className="bb-row-label">{t('pay.paymentNo')}</Text>
        <Text className="bb-row-value" data-testid="payment-no">
          {payment.paymentNo}
        </Text>
      </View>
    </View>
  )
}

/**
 * The household an account number belongs to, before anything is paid by that number: masked
 * holder name and address, and who is paid, so the resident can check it is theirs.
 */
export function HouseholdCard({ bill }: { bill: Bill }) {
  const t = useT()
  const rows = [
    { label: t('pay.accountLabel'), value: bill.accountNo ?? '' },
    { label: t('pay.holder'), value: bill.holderMaskedName },
    ...(bill.holderMaskedAddress ? [{ label: t('pay.address'), value: bill.holderMaskedAddress }] : []),
    ...(bill.payee ? [{ label: t('pay.payee'), value: bill.payee }] : []),
  ]
  return (
    <View className="bb-card bb-household" data-testid="household">
      <Text className="bb-card-title">{t('pay.checkHousehold')}</Text>
      {rows.map((row) => (
        <View key={row.label} className="bb-row">
          <Text className="bb-row-label">{row.label}</Text>
          <Text className="bb-row-value">{row.value}</Text>
        </View>
      ))}
    </View>
  )
}
