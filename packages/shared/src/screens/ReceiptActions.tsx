import { View } from '@tarojs/components'
import { useT } from '../i18n/useT'
import { Button } from '../ui/Button'
import { Notice } from '../ui/Notice'
import { goTo } from './nav'

/** Under a payment receipt: 打印收据 (at a kiosk with a printer), 我的记录, and the printed notice. */
export function ReceiptActions({
  canPrint,
  printed,
  onPrint,
}: {
  canPrint: boolean
  printed: boolean
  onPrint: () => void
}) {
  const t = useT()
  return (
    <>
      <View className="bb-actions">
        {canPrint ? (
          <Button
            variant="primary"
            icon="printer"
            label={t('pay.printReceipt')}
            onPress={onPrint}
            testId="print-receipt"
          />
        ) : null}
        <Button label={t('home.records')} onPress={() => goTo('records')} />
      </View>
      {printed ? <Notice kind="success" title={t('book.printed')} /> : null}
    </>
  )
}
