import { View } from '@tarojs/components'
import { useState } from 'react'
import { useT } from '../i18n/useT'
import { Button } from '../ui/Button'
import { Notice } from '../ui/Notice'
import { goTo } from '../visit/nav'
import { useSay } from '../entry/useSay'

export type PrintStatus = 'idle' | 'printing' | 'done' | 'failed'

/**
 * Under a payment receipt: 打印收据 (at a kiosk with a printer), 我的记录, and what the printer did.
 * A printer that fails says so in plain words: the payment itself went through either way.
 */
export function ReceiptActions({ canPrint, onPrint }: { canPrint: boolean; onPrint: () => Promise<void> }) {
  const t = useT()
  const say = useSay()
  const [status, setStatus] = useState<PrintStatus>('idle')
  const print = async () => {
    setStatus('printing')
    try {
      await onPrint()
      setStatus('done')
      say(t('pay.receiptPrinted'))
    } catch {
      setStatus('failed')
      say(t('pay.printFailed'))
    }
  }
  return (
    <>
      <View className="bb-actions">
        {canPrint ? (
          <Button
            icon="printer"
            label={status === 'printing' ? t('pay.printingReceipt') : t('pay.printReceipt')}
            onPress={() => void print()}
            disabled={status === 'printing'}
            testId="print-receipt"
          />
        ) : null}
        <Button label={t('home.records')} onPress={() => goTo('records')} />
      </View>
      {status === 'done' ? <Notice kind="success" title={t('pay.receiptPrinted')} /> : null}
      {status === 'failed' ? <Notice kind="error" title={t('pay.printFailed')} /> : null}
    </>
  )
}
