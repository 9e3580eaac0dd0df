import { Text, View } from '@tarojs/components'
import type { Bill } from '@bangban/core/api/bills'
import { displayMoney, displayBillTitle } from '@bangban/core/format/display'
import { useT } from '../i18n/useT'
import { Pressable } from '../ui/Pressable'
import { a11y } from '../ui/a11y'

/** The unpaid bills as large checkboxes: kind, period and amount, and optionally what each is for. */
export function BillChecklist({
  label,
  bills,
  chosen,
  onChange,
  showLines = false,
}: {
  label: string
  bills: readonly Bill[]
  chosen: readonly string[]
  onChange: (chosen: string[]) => void
  showLines?: boolean
}) {
  const t = useT()
  return (
    <View className="bb-choices" {...a11y({ role: 'group', 'aria-label': label })}>
      {bills.map((bill) => (
        <Pressable
          key={bill.id}
          role="checkbox"
          selected={chosen.includes(bill.id)}
          label={displayBillTitle(t, bill.kind, bill.period)}
          description={displayMoney(bill.amountFen)}
          onPress={() =>
            onChange(chosen.includes(bill.id) ? chosen.filter((id) => id !== bill.id) : [...chosen, bill.id])
          }
          className="bb-choice bb-bill"
          testId="bill"
        >
          <Text className="bb-choice-label">{displayBillTitle(t, bill.kind, bill.period)}</Text>{' '}
          <Text className="bb-bill-amount">{displayMoney(bill.amountFen)}</Text>
          {showLines ? ' ' : null}
          {showLines ? (
            <Text className="bb-text bb-muted">
              {bill.lines.map((l) => `${l.label} ${displayMoney(l.amountFen)}`).join(' · ')}
            </Text>
          ) : null}
        </Pressable>
      ))}
    </View>
  )
}
