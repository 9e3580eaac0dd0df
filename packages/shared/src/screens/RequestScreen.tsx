/**
 * 反映问题 in four steps: what kind of problem → what is wrong (common phrases, or typed) →
 * where and how to call back → confirm; then 提交成功 with the request number and who handles it.
 */
import { spokenKey } from '../voice/spokenKey'
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useReducer, useState } from 'react'
import type { ApiError } from '@bangban/core/api/errors'
import { useT } from '../i18n/useT'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { ChoiceList } from '../ui/Choice'
import { Heading } from '../ui/Heading'
import { Keypad } from '../ui/Keypad'
import { Pressable } from '../ui/Pressable'
import { ScreenFrame } from '../frame/ScreenFrame'
import { Waiting } from '../ui/Waiting'
import { TextEntry } from '../entry/TextEntry'
import { maskDigits } from '@bangban/core/format/digits'
import { useScreenVoice } from '../visit/useScreenVoice'
import { ErrorView } from './ErrorView'
import { goBack, goTo, signInFor } from '../visit/nav'
import { asApiError, useApi, useLoad } from '../visit/useApi'
import { SubscribeOffer } from './wechat/SubscribeOffer'
import {
  MAX_ADDRESS,
  MAX_TYPED,
  REQUEST_STEPS,
  canContinue,
  descriptionOf,
  earlierContactOf,
  exitsOnBack,
  initialRequestState,
  phoneProblem,
  placeProblem,
  placeText,
  promptKeyOf,
  requestReducer,
  stepOf,
  submissionOf,
  titleKeyOf,
} from './request/flow'

export function RequestScreen() {
  const t = useT()
  const api = useApi()
  const { session, delegation } = useAppState()
  const categories = useLoad(() => api.call('listRequestCategories'), [api])
  const grids = useLoad(() => api.call('listGrids'), [api])
  // 上次留的电话: a signed-in resident who left a number before need not key it in again.
  const earlier = useLoad(session ? () => api.call('listServiceRequests') : null, [api, session])
  const earlierContact = earlierContactOf(earlier.data)
  const [state, dispatch] = useReducer(requestReducer, initialRequestState)
  const { category, phrases, typed, gridId, address, phone, reuse, result } = state
  // A helper acting for the resident never sees their full number, even the one they typed.
  const shownPhone = reuse ? reuse.maskedPhone : delegation ? maskDigits(phone) : phone
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const description = descriptionOf(state)
  const step = stepOf(state)
  const phraseOptions = useMemo(
    () =>
      category
        ? Object.values(
            t(`request.phrases.${category.kind}`, { returnObjects: true }) as Record<string, string>,
          )
        : [],
    [category, t],
  )
  const gridName = grids.data?.find((g) => g.id === gridId)?.name ?? ''
  const place = placeText(state, gridName)

  const { repeat, say } = useScreenVoice(
    t(spokenKey(promptKeyOf(state)), {
      category: category?.name ?? '',
      description,
      place,
      phone: shownPhone,
      requestNo: result?.requestNo ?? '',
      assignee: result?.assignee?.maskedName ?? t('request.nobodyYet'),
    }),
  )

  const back = () => {
    setError(null)
    if (exitsOnBack(state)) goBack()
    else dispatch({ type: 'back' })
  }

  // A request is followed up with the resident, so it is made signed in (before anything is typed).
  useEffect(() => {
    if (!session && !result) signInFor('request')
  }, [session, result])

  const submit = async () => {
    const body = submissionOf(state)
    if (!body) return
    setBusy(true)
    setError(null)
    try {
      const created = await api.call('createServiceRequest', { body })
      dispatch({ type: 'submitted', request: created })
    } catch (e) {
      const apiError = asApiError(e)
      setError(apiError)
      say(t(`errors.${apiError.code}`))
    } finally {
      setBusy(false)
    }
  }

  return (
    <ScreenFrame
      title={t(titleKeyOf(state))}
      {...(result ? { finished: true, hideBack: true } : { step: { current: step, total: REQUEST_STEPS } })}
      onRepeat={repeat}
      onBack={back}
      // 语音操作: saying 提交 presses the button, only while it can be pressed.
      commands={step === 4 && !busy ? { confirm: () => void submit() } : {}}
    >
      {error ? <ErrorView error={error} /> : null}
      {step === 1 ? (
        categories.error ? (
          <ErrorView error={categories.error} onRetry={categories.reload} />
        ) : !categories.data ? (
          <Waiting text={t('common.loading')} />
        ) : (
          <ChoiceList
            label={t('request.stepCategory')}
            columns={2}
            items={categories.data.map((c) => ({ id: c.id, label: c.name }))}
            onChoose={(id) => {
              const chosen = categories.data?.find((c) => c.id === id)
              if (chosen) dispatch({ type: 'chooseCategory', category: chosen })
            }}
          />
        )
      ) : null}
      {step === 2 ? (
        <>
          <TextEntry
            kind="prose"
            label={t('request.what')}
            value={typed}
            shown={description}
            onChange={(text) => dispatch({ type: 'type', text })}
            maxLength={MAX_TYPED}
            phrases={{
              options: phraseOptions,
              hint: t('request.pickPhrases'),
              selected: phrases,
              onToggle: (phrase) => dispatch({ type: 'togglePhrase', phrase }),
            }}
            testId="describe"
          />
          <View className="bb-actions">
            <Button
              variant="primary"
              label={t('request.next')}
              onPress={() => dispatch({ type: 'described', contact: earlierContact })}
              disabled={!canContinue(state)}
              disabledReason={t('voice.missing.description')}
              onExplain={say}
              testId="describe-next"
            />
          </View>
        </>
      ) : null}
      {step === 3 ? (
        <>
          {/* Where on one side, the number on the other, on a landscape kiosk. */}
          <View className="bb-split">
            <View className="bb-split-part">
              <Heading level={2} text={t('request.whichGrid')} />
              {grids.data ? (
                <ChoiceList
                  label={t('request.whichGrid')}
                  selectedId={gridId}
                  items={grids.data.map((g) => ({ id: g.id, label: g.name, detail: g.area }))}
                  onChoose={(id) => dispatch({ type: 'chooseGrid', gridId: id })}
                />
              ) : (
                <Waiting text={t('common.loading')} />
              )}
              <TextEntry
                kind="address"
                label={t('request.addressDetail')}
                value={address}
                onChange={(text) => dispatch({ type: 'typeAddress', text })}
                maxLength={MAX_ADDRESS}
                startClosed
                testId="address"
              />
            </View>
            <View className="bb-split-part">
              <Heading level={2} text={t('request.phoneLabel')} />
              {earlierContact ? (
                <View className="bb-choices">
                  <Pressable
                    role="checkbox"
                    selected={reuse?.requestId === earlierContact.requestId}
                    label={t('request.reusePhone', { phone: earlierContact.maskedPhone })}
                    onPress={() => dispatch({ type: 'reusePhone', contact: earlierContact })}
                    className="bb-choice"
                    testId="phone-on-file"
                  >
                    <Text className="bb-choice-label">
                      {t('request.reusePhone', { phone: earlierContact.maskedPhone })}
                    </Text>
                  </Pressable>
                </View>
              ) : null}
              <Keypad
                label={t('request.phoneLabel')}
                value={phone}
                onChange={(typedPhone) => dispatch({ type: 'typePhone', phone: typedPhone })}
                maxLength={11}
                grouping={[3, 4, 4]}
                placeholder={t('request.phonePlaceholder')}
                masked={!!delegation}
              />
            </View>
          </View>
          <View className="bb-actions">
            <Button
              variant="primary"
              label={t('request.next')}
              onPress={() => dispatch({ type: 'located' })}
              disabled={!canContinue(state)}
              disabledReason={t(
                placeProblem(state.gridId, state.address) === 'missing'
                  ? 'voice.missing.place'
                  : phoneProblem(state.phone)
                    ? 'voice.missing.phone'
                    : 'voice.missing.description',
              )}
              onExplain={say}
              testId="where-next"
            />
          </View>
        </>
      ) : null}
      {step >= 4 ? (
        <View className="bb-card" data-testid="request-summary">
          {result ? (
            <>
              <Text className="bb-text">{t('request.numberLabel')}</Text>
              <Text className="bb-display" data-testid="request-no">
                {result.requestNo}
              </Text>
              <Text className="bb-row-value">
                {result.assignee
                  ? t('request.handledBy', { name: result.assignee.maskedName, grid: result.gridName })
                  : t('request.nobodyYet')}
              </Text>
            </>
          ) : null}
          <Row label={t('request.category')} value={category?.name ?? ''} />
          <Row label={t('request.what')} value={description} />
          <Row label={t('request.where')} value={place} />
          <Row label={t('request.phone')} value={shownPhone} />
        </View>
      ) : null}
      {step === 4 ? (
        <View className="bb-actions">
          {busy ? <Waiting text={t('common.waiting')} /> : null}
          <Button
            variant="primary"
            label={t('request.submit')}
            onPress={() => void submit()}
            disabled={busy}
            testId="submit-request"
          />
        </View>
      ) : null}
      {result ? (
        <View className="bb-actions">
          <SubscribeOffer kind="request" />
          <Button label={t('home.records')} onPress={() => goTo('records')} />
        </View>
      ) : null}
    </ScreenFrame>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="bb-row">
      <Text className="bb-row-label">{label}</Text>
      <Text className="bb-row-value">{value}</Text>
    </View>
  )
}
