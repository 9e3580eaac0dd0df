/**
 * 生活缴费 in three steps: find the bills (account number on the big keypad, or the signed-in
 * resident's own accounts) → choose → pay (a QR code at the kiosk, WeChat's payment sheet in the
 * mini-program), waiting with a visible and spoken status → 缴费成功 with a receipt.
 */
import { spokenKey } from '../voice/spokenKey'
import { Text, View } from '@tarojs/components'
import { useEffect, useReducer, useState } from 'react'
import { newIdempotencyKey } from '@bangban/core/api/common'
import type { ApiError } from '@bangban/core/api/errors'
import { sumFen } from '@bangban/core/domain/money'
import { displayMoney } from '@bangban/core/format/display'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { ChoiceList } from '../ui/Choice'
import { Heading } from '../ui/Heading'
import { Icon } from '../ui/Icon'
import { Keypad } from '../ui/Keypad'
import { Notice } from '../ui/Notice'
import { Picture } from '../ui/Picture'
import { ScreenFrame } from '../frame/ScreenFrame'
import { Waiting } from '../ui/Waiting'
import { useScreenVoice } from '../visit/useScreenVoice'
import { ErrorView } from './ErrorView'
import { goBack, goTo } from '../visit/nav'
import { asApiError, useApi } from '../visit/useApi'
import { auditHeadLines } from './auditHeadLine'
import { ReceiptActions } from './ReceiptActions'
import { paymentReceipt } from './paymentReceipt'
import { HouseholdCard, PaymentSummary } from './PaymentSummary'
import { PayAtWindow } from '../queue/PayAtWindow'
import { shanghaiTime } from '@bangban/core/domain/time'
import { BillChecklist } from './BillChecklist'
import {
  ACCOUNT_DIGITS,
  ACCOUNT_KINDS,
  ACCOUNT_PREFIX,
  PAY_STEPS,
  accountNo,
  canPay,
  chosenBills,
  exitsOnBack,
  initialPayState,
  isWaiting,
  payReducer,
  promptKeyOf,
  stepOf,
  titleKeyOf,
  totalFen,
  unpaidBills,
  type AccountKind,
} from './pay/flow'
import { linkThisWechat } from './signIn/wechatSignIn'
import { sheetOutcome, type SheetOutcome } from './pay/sheet'

const POLL_MS = 2000

export function PayScreen() {
  const t = useT()
  const api = useApi()
  const platform = usePlatform()
  const { session } = useAppState()
  const [state, dispatch] = useReducer(payReducer, initialPayState)
  const { kind, digits, payment, qr } = state
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  // One key per attempt: a retried request is the same payment, a new attempt after 返回 is not.
  const [keyBase] = useState(() => newIdempotencyKey('pay'))
  // Mini-program: how WeChat's payment sheet closed without paying (cancelled, failed), and whether
  // this session (a phone sign-in) must first link its WeChat to pay.
  const [sheet, setSheet] = useState<SheetOutcome | null>(null)
  const [linkNeeded, setLinkNeeded] = useState(false)

  const unpaid = unpaidBills(state)
  const chosen = chosenBills(state)
  const total = totalFen(state)
  const step = stepOf(state)
  const paid = step === 4

  const { repeat, say } = useScreenVoice(
    t(spokenKey(promptKeyOf(state, platform.payment.method, !!session, !!platform.devices)), {
      kind: kind ? t(`billKinds.${kind}`) : '',
      count: unpaid.length,
      amount: displayMoney(payment?.amountFen ?? 0),
    }),
  )

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
      dispatch({ type: 'billsFound', bills: found })
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }

  /** WeChat's payment sheet; closing it without paying leaves a way on, never a wait for ever. */
  const openSheet = async (params: NonNullable<NonNullable<typeof payment>['requestPayment']>) => {
    setSheet(null)
    try {
      await platform.payment.requestPayment!(params)
    } catch (e) {
      const outcome = sheetOutcome(e)
      setSheet(outcome)
      say(`${t(`weapp.pay.${outcome}`)} ${t('weapp.pay.next')}`)
    }
  }

  const pay = async () => {
    // WeChat Pay pays as the signed-in WeChat user: sign in first, this page kept underneath.
    if (platform.payment.method === 'wechat-jsapi' && !session) {
      goTo('signIn', { next: 'pay' })
      return
    }
    setBusy(true)
    setError(null)
    setLinkNeeded(false)
    try {
      const created = await api.call('createPayment', {
        body: { billIds: chosen.map((b) => b.id), method: platform.payment.method },
        idempotencyKey: `${keyBase}-${state.attempt}`,
      })
      dispatch({ type: 'paymentCreated', payment: created })
      if (created.codeUrl && platform.payment.renderQr) {
        const rendered = await platform.payment.renderQr(created.codeUrl)
        dispatch({ type: 'qrRendered', paymentId: created.id, qr: rendered })
      }
      if (created.requestPayment && platform.payment.requestPayment) await openSheet(created.requestPayment)
    } catch (e) {
      if (asApiError(e).code === 'WECHAT_LINK_REQUIRED' && platform.wechat) {
        setLinkNeeded(true)
        say(t('weapp.pay.linkHint'))
      } else fail(e)
    } finally {
      setBusy(false)
    }
  }

  // A card put on the reader while finding bills signs the resident in: show their own bills.
  const signedIn = !!session
  const [wasSignedIn] = useState(signedIn)
  useEffect(() => {
    if (signedIn && !wasSignedIn && stepOf(state) === 1) void find()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the sign-in happens
  }, [signedIn])

  // Wait for the payment: poll until it is paid, closed or refunded. The service also asks WeChat.
  const waitingFor = isWaiting(state) ? payment!.id : null
  useEffect(() => {
    if (!waitingFor) return undefined
    const timer = setInterval(() => {
      api.call('getPayment', { params: { id: waitingFor } }).then(
        (latest) => dispatch({ type: 'paymentUpdated', payment: latest }),
        () => undefined,
      )
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [api, waitingFor])

  // Every tick and untick says what is chosen and what it comes to, before anything is paid.
  const choose = (billIds: string[]) => {
    dispatch({ type: 'setChosen', billIds })
    const picked = unpaid.filter((b) => billIds.includes(b.id))
    say(
      picked.length
        ? t(spokenKey('voice.pay.chosen'), {
            count: picked.length,
            amount: displayMoney(sumFen(picked.map((b) => b.amountFen))),
          })
        : t('voice.pay.noneChosen'),
    )
  }

  /** A resident signed in by phone links this WeChat (a fresh wx.login), then pays. */
  const link = async () => {
    setBusy(true)
    setError(null)
    try {
      await linkThisWechat(platform.wechat!, api)
      setLinkNeeded(false)
    } catch (e) {
      fail(e)
      return
    } finally {
      setBusy(false)
    }
    await pay()
  }

  const back = () => {
    setError(null)
    setSheet(null)
    setLinkNeeded(false)
    if (exitsOnBack(state)) goBack()
    else dispatch({ type: 'back' })
  }

  const print = async () => {
    if (!platform.devices || !payment) return
    const after = await auditHeadLines(api, t)
    await platform.devices.printReceipt(paymentReceipt(t, t('pay.receiptTitle'), payment, chosen, { after }))
  }

  const account = accountNo(state)
  const payees = [...new Set(chosen.flatMap((b) => (b.payee ? [b.payee] : [])))]
  return (
    <ScreenFrame
      title={t(titleKeyOf(state))}
      {...(paid ? { finished: true, hideBack: true } : { step: { current: step, total: PAY_STEPS } })}
      onRepeat={repeat}
      onBack={back}
    >
      {error ? <ErrorView error={error} /> : null}
      {busy ? <Waiting text={t('common.loading')} /> : null}
      {step === 1 && !session && platform.devices ? (
        // 刷身份证查我的账单: the card reader listens here (CardAnywhere); once it has signed the
        // resident in, their own accounts and medical bills are looked up at once.
        <View className="bb-card bb-pay-card-offer" data-testid="pay-card-offer">
          <Icon name="idCard" size={96} />
          <View>
            <Text className="bb-card-title">{t('pay.cardOffer')}</Text>
            <Text className="bb-text">{t('pay.cardOfferHint')}</Text>
          </View>
        </View>
      ) : null}
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
            items={ACCOUNT_KINDS.map((k) => ({ id: k, label: t(`billKinds.${k}`) }))}
            onChoose={(k) => dispatch({ type: 'chooseKind', kind: k as AccountKind })}
          />
        </>
      ) : null}
      {step === 1 && kind ? (
        <>
          <Text className="bb-text">{t('pay.accountHint', { kind: t(`billKinds.${kind}`) })}</Text>
          <Keypad
            label={t('pay.accountLabel')}
            value={digits}
            onChange={(typed) => dispatch({ type: 'typeDigits', digits: typed })}
            maxLength={ACCOUNT_DIGITS}
            prefix={ACCOUNT_PREFIX[kind]}
          />
          <View className="bb-actions">
            <Button
              variant="primary"
              label={t('pay.find')}
              onPress={() => {
                if (account) void find(account)
              }}
              disabled={busy || !account}
              disabledReason={busy ? undefined : t('voice.missing.account')}
              onExplain={say}
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
            {kind && unpaid[0] ? <HouseholdCard bill={unpaid[0]} /> : null}
            <BillChecklist
              label={t('pay.stepChoose')}
              bills={unpaid}
              chosen={state.chosen}
              onChange={choose}
              showLines
            />
            <View className="bb-card">
              <Text className="bb-row-label">{t('pay.total')}</Text>
              <Text className="bb-display" data-testid="pay-total">
                {displayMoney(total)}
              </Text>
            </View>
            {linkNeeded ? (
              <Notice kind="info" title={t('weapp.pay.linkHint')}>
                <Button
                  variant="primary"
                  label={t('weapp.pay.link')}
                  onPress={() => void link()}
                  disabled={busy}
                  testId="link-wechat"
                />
              </Notice>
            ) : null}
            <View className="bb-actions">
              <Button
                variant={linkNeeded ? 'secondary' : 'primary'}
                label={t('pay.payNow', { amount: displayMoney(total) })}
                onPress={() => void pay()}
                disabled={busy || !canPay(state)}
                disabledReason={busy ? undefined : t('voice.missing.bill')}
                onExplain={say}
                testId="pay-now"
              />
            </View>
          </>
        )
      ) : null}
      {step === 3 && payment ? (
        <View className="bb-card bb-pay-wait">
          <Text className="bb-display">{displayMoney(payment.amountFen)}</Text>
          {payees.length ? (
            <Text className="bb-text" data-testid="pay-to">
              {t('pay.payTo', { payee: payees.join(t('helper.listSeparator')) })}
            </Text>
          ) : null}
          {qr ? <Picture className="bb-qr" src={qr} alt={t('pay.qrAlt')} /> : null}
          <Text className="bb-text">
            {t(platform.payment.method === 'wechat-native' ? 'pay.scanHint' : 'pay.sheetHint')}
          </Text>
          {payment.expiresAt && payment.status === 'pending' ? (
            <Text className="bb-text">{t('pay.payBefore', { time: shanghaiTime(payment.expiresAt) })}</Text>
          ) : null}
          {payment.provider === 'sandbox' ? <Notice kind="info" title={t('pay.sandboxHint')} /> : null}
          {payment.status === 'pending' && sheet ? (
            <Notice kind="error" title={t(`weapp.pay.${sheet}`)}>
              <Text className="bb-text">{t('weapp.pay.next')}</Text>
              <View className="bb-actions">
                <Button
                  variant="primary"
                  label={t('weapp.pay.again')}
                  onPress={() => payment.requestPayment && void openSheet(payment.requestPayment)}
                  testId="pay-again"
                />
                <Button label={t('weapp.pay.chooseAgain')} onPress={back} testId="choose-again" />
              </View>
            </Notice>
          ) : payment.status === 'pending' ? (
            <Waiting text={t('pay.waiting')} delayMs={0} />
          ) : (
            <Notice kind="error" title={t('pay.notCompleted')} />
          )}
          {platform.payment.method === 'wechat-native' && payment.status === 'pending' ? (
            <PayAtWindow amount={displayMoney(payment.amountFen)} />
          ) : null}
        </View>
      ) : null}
      {paid && payment ? (
        <>
          <Notice kind="success" title={t('pay.paidNotice', { amount: displayMoney(payment.amountFen) })} />
          <PaymentSummary payment={payment} bills={chosen} testId="receipt" />
          <ReceiptActions canPrint={!!platform.devices} onPrint={print} />
        </>
      ) : null}
    </ScreenFrame>
  )
}
