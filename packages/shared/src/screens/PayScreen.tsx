/**
 * 生活缴费 in three steps: find the bills (account number on the big keypad, or the signed-in
 * resident's own accounts) → choose → pay (a QR code at the kiosk, WeChat's payment sheet in the
 * mini-program), waiting with a visible and spoken status → 缴费成功 with a receipt.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Bill } from '../api/bills'
import type { ApiError } from '../api/errors'
import type { Payment } from '../api/payments'
import { sumFen } from '../domain/money'
import { shanghaiDate, shanghaiTime } from '../domain/time'
import { displayMoney } from '../format/display'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { ChoiceList } from '../ui/Choice'
import { Heading } from '../ui/Heading'
import { Keypad } from '../ui/Keypad'
import { Notice } from '../ui/Notice'
import { Picture } from '../ui/Picture'
import { ScreenFrame } from '../ui/ScreenFrame'
import { Waiting } from '../ui/Waiting'
import { useScreenVoice } from '../voice/useScreenVoice'
import { ErrorView } from './ErrorView'
import { goTo } from './nav'
import { asApiError, useApi } from './useApi'
import { ReceiptActions } from './ReceiptActions'
import { BillChecklist } from './BillChecklist'

const TOTAL_STEPS = 3
const POLL_MS = 2000
/** Letters of utility account numbers, by kind (W1000001 is a water account). */
const ACCOUNT_PREFIX = { water: 'W', electricity: 'E', gas: 'G', property: 'P' } as const
type AccountKind = keyof typeof ACCOUNT_PREFIX

function newIdempotencyKey(): string {
  return `pay-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

export function PayScreen() {
  const t = useT()
  const api = useApi()
  const platform = usePlatform()
  const { session } = useAppState()
  const [kind, setKind] = useState<AccountKind | null>(null)
  const [digits, setDigits] = useState('')
  const [bills, setBills] = useState<Bill[] | null>(null)
  const [chosen, setChosen] = useState<string[]>([])
  const [payment, setPayment] = useState<Payment | null>(null)
  const [qr, setQr] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [printed, setPrinted] = useState(false)
  const idempotencyKey = useRef(newIdempotencyKey())

  const unpaid = useMemo(() => (bills ?? []).filter((b) => b.status === 'unpaid'), [bills])
  const chosenBills = unpaid.filter((b) => chosen.includes(b.id))
  const total = sumFen(chosenBills.map((b) => b.amountFen))
  const paid = payment?.status === 'paid'
  const step = paid ? 4 : payment ? 3 : bills ? 2 : 1

  const prompt =
    step === 1
      ? t('voice.pay.find')
      : step === 2
        ? unpaid.length
          ? t('voice.pay.choose', { count: unpaid.length })
          : t('voice.pay.nothing')
        : step === 3
          ? t(platform.payment.method === 'wechat-native' ? 'voice.pay.scan' : 'voice.pay.sheet', {
              amount: displayMoney(payment?.amountFen ?? 0),
            })
          : t('voice.pay.success', { amount: displayMoney(payment?.amountFen ?? 0) })
  const { repeat, say } = useScreenVoice(prompt)

  const fail = (e: unknown) => {
    const apiError = asApiError(e)
    setError(apiError)
    say(t(`errors.${apiError.code}`))
  }

  const find = async (accountNo?: string) => {
    setBusy(true)
    setError(null)
    try {
      const found = await api.call('listBills', { query: accountNo ? { accountNo } : {} })
      setBills(found)
      setChosen(found.filter((b) => b.status === 'unpaid').map((b) => b.id))
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }

  const pay = async () => {
    setBusy(true)
    setError(null)
    try {
      const created = await api.call('createPayment', {
        body: { billIds: chosenBills.map((b) => b.id), method: platform.payment.method },
        idempotencyKey: idempotencyKey.current,
      })
      setPayment(created)
      if (created.codeUrl && platform.payment.renderQr)
        setQr(await platform.payment.renderQr(created.codeUrl))
      if (created.requestPayment && platform.payment.requestPayment) {
        await platform.payment.requestPayment(created.requestPayment).catch(() => undefined)
      }
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }

  // Wait for the payment: poll until it is paid, closed or refunded. The service also asks WeChat.
  useEffect(() => {
    if (!payment || payment.status !== 'pending') return undefined
    const timer = setInterval(() => {
      api.call('getPayment', { params: { id: payment.id } }).then(
        (latest) => {
          if (latest.status !== 'pending') setPayment(latest)
        },
        () => undefined,
      )
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [api, payment])

  const back = () => {
    setError(null)
    if (step === 3) {
      setPayment(null)
      setQr(null)
      idempotencyKey.current = newIdempotencyKey()
    } else if (step === 2) setBills(null)
    else if (kind) {
      setKind(null)
      setDigits('')
    } else goTo('records')
  }

  const print = async () => {
    if (!platform.devices || !payment) return
    await platform.devices.printReceipt({
      title: t('pay.receiptTitle'),
      highlight: displayMoney(payment.amountFen),
      lines: [
        ...chosenBills.map((b) => ({
          label: `${t(`billKinds.${b.kind}`)} ${b.period}`,
          value: displayMoney(b.amountFen),
        })),
        {
          label: t('pay.paidAt'),
          value: payment.paidAt ? `${shanghaiDate(payment.paidAt)} ${shanghaiTime(payment.paidAt)}` : '',
        },
        { label: t('pay.paymentNo'), value: payment.id },
      ],
    })
    setPrinted(true)
  }

  const title = [t('pay.stepFind'), t('pay.stepChoose'), t('pay.stepPay'), t('pay.success')][step - 1]!
  return (
    <ScreenFrame
      title={title}
      {...(paid ? { finished: true, hideBack: true } : { step: { current: step, total: TOTAL_STEPS } })}
      onRepeat={repeat}
      onBack={back}
    >
      {error ? <ErrorView error={error} /> : null}
      {busy ? <Waiting text={t('common.loading')} /> : null}
      {step === 1 && !kind ? (
        <>
          {session ? (
            <Button
              variant="primary"
              label={t('pay.myAccounts')}
              onPress={() => void find()}
              testId="my-accounts"
            />
          ) : null}
          <Heading level={2} text={t('pay.byAccount')} />
          <ChoiceList
            label={t('pay.byAccount')}
            columns={2}
            items={(Object.keys(ACCOUNT_PREFIX) as AccountKind[]).map((k) => ({
              id: k,
              label: t(`billKinds.${k}`),
            }))}
            onChoose={(k) => setKind(k as AccountKind)}
          />
        </>
      ) : null}
      {step === 1 && kind ? (
        <>
          <Text className="bb-text">{t('pay.accountHint', { kind: t(`billKinds.${kind}`) })}</Text>
          <Keypad
            label={t('pay.accountLabel')}
            value={digits}
            onChange={setDigits}
            maxLength={7}
            prefix={ACCOUNT_PREFIX[kind]}
          />
          <View className="bb-actions">
            <Button
              variant="primary"
              label={t('pay.find')}
              onPress={() => void find(`${ACCOUNT_PREFIX[kind]}${digits}`)}
              disabled={busy || digits.length !== 7}
              testId="find-bills"
            />
          </View>
        </>
      ) : null}
      {step === 2 ? (
        unpaid.length === 0 ? (
          <Notice kind="info" title={t('pay.nothingToPay')} />
        ) : (
          <>
            <BillChecklist
              label={t('pay.stepChoose')}
              bills={unpaid}
              chosen={chosen}
              onChange={setChosen}
              showLines
            />
            <View className="bb-card">
              <Text className="bb-row-label">{t('pay.total')}</Text>
              <Text className="bb-display" data-testid="pay-total">
                {displayMoney(total)}
              </Text>
            </View>
            <View className="bb-actions">
              <Button
                variant="primary"
                label={t('pay.payNow', { amount: displayMoney(total) })}
                onPress={() => void pay()}
                disabled={busy || chosenBills.length === 0}
                testId="pay-now"
              />
            </View>
          </>
        )
      ) : null}
      {step === 3 && payment ? (
        <View className="bb-card bb-pay-wait">
          <Text className="bb-display">{displayMoney(payment.amountFen)}</Text>
          {qr ? <Picture className="bb-qr" src={qr} alt={t('pay.qrAlt')} /> : null}
          <Text className="bb-text">
            {t(platform.payment.method === 'wechat-native' ? 'pay.scanHint' : 'pay.sheetHint')}
          </Text>
          {payment.provider === 'sandbox' ? <Notice kind="info" title={t('pay.sandboxHint')} /> : null}
          {payment.status === 'pending' ? (
            <Waiting text={t('pay.waiting')} delayMs={0} />
          ) : (
            <Notice kind="error" title={t('pay.notCompleted')} />
          )}
        </View>
      ) : null}
      {paid && payment ? (
        <>
          <View className="bb-card" data-testid="receipt">
            {chosenBills.map((b) => (
              <View key={b.id} className="bb-row">
                <Text className="bb-row-label">{`${t(`billKinds.${b.kind}`)} ${b.period}`}</Text>
                <Text className="bb-row-value">{displayMoney(b.amountFen)}</Text>
              </View>
            ))}
            <View className="bb-row">
              <Text className="bb-row-label">{t('pay.total')}</Text>
              <Text className="bb-row-value">{displayMoney(payment.amountFen)}</Text>
            </View>
          </View>
          <ReceiptActions canPrint={!!platform.devices} printed={printed} onPrint={() => void print()} />
        </>
      ) : null}
    </ScreenFrame>
  )
}
