import { Text, View } from '@tarojs/components'
import type { Bill } from '@bangban/core/api/bills'
import { shanghaiDate } from '@bangban/core/domain/time'
import { displayDate, displayMoney, displayBillTitle } from '@bangban/core/format/display'
import { useT } from '../../i18n/useT'
import { Heading } from '../../ui/Heading'
import { billsSummary } from './logic'

/** 缴费记录: bills of the resident's accounts, paid and still to pay. */
export function PaymentsSection({ bills }: { bills: Bill[] }) {
  const t = useT()
  const { paid, unpaid, unpaidFen } = billsSummary(bills)
  return (
    <>
      <Heading level={2} text={t('records.bills')} />
      {bills.length === 0 ? <Text className="bb-text bb-muted">{t('records.noBills')}</Text> : null}
      {unpaid.length ? (
        <Text className="bb-text">
          {t('records.unpaidCount', {
            count: unpaid.length,
            amount: displayMoney(unpaidFen),
          })}
        </Text>
      ) : null}
      {paid.map((b) => (
        <View key={b.id} className="bb-card" data-testid="paid-bill">
          <Text className="bb-row-value">{`${displayBillTitle(t, b.kind, b.period)} · ${displayMoney(b.amountFen)}`}</Text>
          <Text className="bb-text">
            {t('records.paidOn', { date: b.paidAt ? displayDate(t, shanghaiDate(b.paidAt)) : '' })}
          </Text>
        </View>
      ))}
    </>
  )
}
