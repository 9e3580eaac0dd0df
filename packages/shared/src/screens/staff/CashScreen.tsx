/**
 * 现金缴费 at the 代帮办 window, while a helper acts for a resident with a payment grant: choose the
 * resident's unpaid bills → count the cash received on the keypad (the change is worked out) →
 * 收款成功 with a receipt. Recorded as `counter-cash` under the delegated token.
 */
import { Text, View } from '@tarojs/components'
import { useMemo, useRef, useState } from 'react'
import type { Bill } from '@bangban/core/api/bills'
import { newIdempotencyKey } from '@bangban/core/api/common'
import type { ApiError } from '@bangban/core/api/errors'
import type { Payment } from '@bangban/core/api/payments'
import { sumFen } from '@bangban/core/domain/money'
import { displayMoney } from '@bangban/core/format/display'
import { useT } from '../../i18n/useT'
import { usePlatform } from '../../platform/PlatformContext'
import { useAppState } from '../../state/useAppState'
import { Button } from '../../ui/Button'
import { Keypad } from '../../ui/Keypad'
import { Notice } from '../../ui/Notice'
import { ScreenFrame } from '../../frame/ScreenFrame'
import { Waiting } from '../../ui/Waiting'
import { useScreenVoice } from '../../visit/useScreenVoice'
import { ErrorView } from '../ErrorView'
import { goBack } from '../../visit/nav'
import { asApiError, useApi, useLoad } from '../../visit/useApi'
import { auditHeadLines } from '../auditHeadLine'
import { allows } from '../../visit/grant'
import { changeFen, yuanDigitsToFen } from './logic'
import { ReceiptActions } from '../ReceiptActions'
import { BillChecklist } from '../BillChecklist'
import { paymentReceipt } from '../paymentReceipt'
import { PaymentSummary } from '../PaymentSummary'

const TOTAL_STEPS = 2

export function CashScreen() {
  const t = useT()
  const api = useApi()
  const platform = usePlatform()
  const { delegation } = useAppState()
  const permitted = delegation !== null && allows(delegation, 'payment')
  const bills = useLoad<Bill[]>(permitted ? () => api.call('listBills', { query: {} }) : null, [
    api,
    permitted,
  ])
  // Nothing is ticked at first: the helper ticks each bill the resident asks to pay.
  const [chosen, setChosen] = useState<string[]>([])
  const [counting, setCounting] = useState(false)
  const [received, setReceived] = useState('')
  const [payment, setPayment] = useState<Payment | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const idempotencyKey = useRef(newIdempotencyKey('cash'))

  const unpaid = useMemo(() => (bills.data ?? []).filter((b) => b.status === 'unpaid'), [bills.data])
  const chosenBills = unpaid.filter((b) => chosen.includes(b.id))
  const total = sumFen(chosenBills.map((b) => b.amountFen))
  const receivedFen = yuanDigitsToFen(received)
  const change = changeFen(total, receivedFen)
  const step = payment ? 3 : counting ? 2 : 1

  const prompt =
    step === 1
      ? bills.data
        ? unpaid.length
          ? t('helper.spoken.cashChoose', { count: unpaid.length })
          : t('voice.pay.nothing')
        : null
      : step === 2
        ? t('helper.spoken.cashCount', { amount: displayMoney(total) })
        : payment?.cash
          ? t('helper.spoken.cashDone', {
              amount: displayMoney(payment.amountFen),
              change: displayMoney(payment.cash.changeFen),
            })
          : null
  const { repeat, say } = useScreenVoice(prompt)

  const take = async () => {
    setBusy(true)
    setError(null)
    try {
      const created = await api.call('createPayment', {
        body: { billIds: chosenBills.map((b) => b.id), method: 'counter-cash', cashReceivedFen: receivedFen },
        idempotencyKey: idempotencyKey.current,
      })
      setPayment(created)
    } catch (e) {
      const apiError = asApiError(e)
      setError(apiError)
      say(t(`errors.${apiError.code}`))
    } finally {
      setBusy(false)
    }
  }

  const print = async () => {
    if (!platform.devices || !payment) return
    const head = await auditHeadLines(api, t)
    await platform.devices.printReceipt(
      paymentReceipt(t, t('helper.cashReceiptTitle'), payment, chosenBills, {
        beforePaidAt: [
          { label: t('helper.received'), value: displayMoney(payment.cash?.receivedFen ?? 0) },
          { label: t('helper.change'), value: displayMoney(payment.cash?.changeFen ?? 0) },
        ],
        after: [{ label: t('helper.handledBy'), value: delegation?.staffNo ?? '' }, ...head],
      }),
    )
  }

  const back = () => {
    setError(null)
    if (step === 2) {
      setCounting(false)
      setReceived('')
    } else goBack()
  }

  const title = [t('helper.cashStepChoose'), t('helper.cashStepCount'), t('helper.cashDone')][step - 1]!
  return (
    <ScreenFrame
      title={title}
      {...(payment ? { hideBack: true } : { step: { current: step, total: TOTAL_STEPS } })}
      onRepeat={repeat}
      onBack={back}
    >
      {!permitted ? <Notice kind="error" title={t('helper.notGranted')} /> : null}
      {error ? <ErrorView error={error} /> : null}
      {bills.loading || busy ? <Waiting text={t('common.loading')} /> : null}
      {bills.error ? <ErrorView error={bills.error} onRetry={bills.reload} /> : null}
      {step === 1 && bills.data ? (
        unpaid.length === 0 ? (
          <Notice kind="info" title={t('pay.nothingToPay')} />
        ) : (
          <>
            <BillChecklist
              label={t('helper.cashStepChoose')}
              bills={unpaid}
              chosen={chosen}
              onChange={(ids) => {
                setChosen(ids)
                const picked = unpaid.filter((b) => ids.includes(b.id))
                say(
                  picked.length
                    ? t('voice.pay.chosen', {
                        count: picked.length,
                        amount: displayMoney(sumFen(picked.map((b) => b.amountFen))),
                      })
                    : t('voice.pay.noneChosen'),
                )
              }}
            />
            <View className="bb-card">
              <Text className="bb-row-label">{t('pay.total')}</Text>
              <Text className="bb-display" data-testid="cash-total">
                {displayMoney(total)}
              </Text>
            </View>
            <View className="bb-actions">
              <Button
                variant="primary"
                label={t('helper.takeCash', { amount: displayMoney(total) })}
                onPress={() => {
                  setReceived('')
                  setCounting(true)
                }}
                disabled={chosenBills.length === 0}
                disabledReason={t('voice.missing.bill')}
                onExplain={say}
                testId="take-cash"
              />
            </View>
          </>
        )
      ) : null}
      {step === 2 ? (
        <>
          <View className="bb-card">
            <Text className="bb-row-label">{t('helper.due')}</Text>
            <Text className="bb-display" data-testid="cash-due">
              {displayMoney(total)}
            </Text>
          </View>
          <Keypad
            label={t('helper.receivedLabel')}
            value={received}
            onChange={setReceived}
            maxLength={6}
            placeholder={t('helper.receivedPlaceholder')}
          />
          <Text className="bb-text" data-testid="cash-change">
            {received === ''
              ? t('helper.receivedHint')
              : change === null
                ? t('errors.CASH_NOT_ENOUGH')
                : t('helper.changeIs', { change: displayMoney(change) })}
          </Text>
          <View className="bb-actions">
            <Button
              variant="primary"
              label={t('helper.confirmCash', { amount: displayMoney(receivedFen) })}
              onPress={() => void take()}
              disabled={busy || change === null || receivedFen === 0}
              disabledReason={busy ? undefined : t('voice.missing.cash')}
              onExplain={say}
              testId="confirm-cash"
            />
          </View>
        </>
      ) : null}
      {payment ? (
        <>
          <Notice kind="success" title={t('pay.paidNotice', { amount: displayMoney(payment.amountFen) })} />
          <PaymentSummary payment={payment} bills={chosenBills} testId="cash-receipt">
            <View className="bb-row">
              <Text className="bb-row-label">{t('helper.received')}</Text>
              <Text className="bb-row-value">{displayMoney(payment.cash?.receivedFen ?? 0)}</Text>
            </View>
            <View className="bb-row">
              <Text className="bb-row-label">{t('helper.change')}</Text>
              <Text className="bb-row-value" data-testid="cash-change-given">
                {displayMoney(payment.cash?.changeFen ?? 0)}
              </Text>
            </View>
          </PaymentSummary>
          <ReceiptActions canPrint={!!platform.devices} onPrint={print} />
        </>
      ) : null}
    </ScreenFrame>
  )
}
