/**
 * 反映问题 in four steps: what kind of problem → what is wrong (common phrases, or typed) →
 * where and how to call back → confirm; then 提交成功 with the request number and who handles it.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import type { ApiError } from '../api/errors'
import type { RequestCategory, ServiceRequest } from '../api/requests'
import { normalizeMobile } from '../domain/phone'
import { useT } from '../i18n/useT'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { ChoiceList } from '../ui/Choice'
import { Heading } from '../ui/Heading'
import { Keypad } from '../ui/Keypad'
import { Pressable } from '../ui/Pressable'
import { ScreenFrame } from '../ui/ScreenFrame'
import { Waiting } from '../ui/Waiting'
import { TextField } from '../ui/TextField'
import { maskDigits } from '../ui/digits'
import { useScreenVoice } from '../voice/useScreenVoice'
import { ErrorView } from './ErrorView'
import { goTo, replaceWith } from './nav'
import { asApiError, useApi, useLoad } from './useApi'

const TOTAL_STEPS = 4

export function RequestScreen() {
  const t = useT()
  const api = useApi()
  const { session, delegation } = useAppState()
  const categories = useLoad(() => api.call('listRequestCategories'), [api])
  const grids = useLoad(() => api.call('listGrids'), [api])
  const [category, setCategory] = useState<RequestCategory | null>(null)
  const [phrases, setPhrases] = useState<string[]>([])
  const [typed, setTyped] = useState('')
  const [described, setDescribed] = useState(false)
  const [gridId, setGridId] = useState<string | null>(null)
  const [address, setAddress] = useState('')
  const [phone, setPhone] = useState('')
  // A helper acting for the resident never sees their full number, even the one they typed.
  const shownPhone = delegation ? maskDigits(phone) : phone
  const [located, setLocated] = useState(false)
  const [result, setResult] = useState<ServiceRequest | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const description = [...phrases, typed.trim()].filter(Boolean).join(', ')
  const step = result ? 5 : !category ? 1 : !described ? 2 : !located ? 3 : 4
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

  const prompt =
    step === 1
      ? t('voice.request.category')
      : step === 2
        ? t('voice.request.describe', { category: category?.name ?? '' })
        : step === 3
          ? t('voice.request.where')
          : step === 4
            ? t('voice.request.confirm', {
                category: category?.name ?? '',
                description,
                place: [gridName, address].filter(Boolean).join(' '),
                phone: shownPhone,
              })
            : t('voice.request.success', {
                requestNo: result?.requestNo ?? '',
                assignee: result?.assignee?.maskedName ?? t('request.nobodyYet'),
              })
  const { repeat, say } = useScreenVoice(prompt)

  const back = () => {
    setError(null)
    if (step === 4) setLocated(false)
    else if (step === 3) setDescribed(false)
    else if (step === 2) setCategory(null)
    else goTo('records')
  }

  // A request is followed up with the resident, so it is made signed in (before anything is typed).
  useEffect(() => {
    if (!session && !result) replaceWith('signIn', { next: 'request' })
  }, [session, result])

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const created = await api.call('createServiceRequest', {
        body: {
          categoryId: category!.id,
          description,
          contactPhone: phone,
          ...(gridId ? { gridId } : {}),
          ...(address.trim() ? { address: address.trim() } : {}),
        },
      })
      setResult(created)
    } catch (e) {
      const apiError = asApiError(e)
      setError(apiError)
      say(t(`errors.${apiError.code}`))
    } finally {
      setBusy(false)
    }
  }

  const title = [
    t('request.stepCategory'),
    t('request.stepDescribe'),
    t('request.stepWhere'),
    t('request.stepConfirm'),
    t('request.success'),
  ][step - 1]!
  return (
    <ScreenFrame
      title={title}
      {...(result ? { finished: true, hideBack: true } : { step: { current: step, total: TOTAL_STEPS } })}
      onRepeat={repeat}
      onBack={back}
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
            onChoose={(id) => setCategory(categories.data!.find((c) => c.id === id) ?? null)}
          />
        )
      ) : null}
      {step === 2 ? (
        <>
          <Heading level={2} text={t('request.pickPhrases')} />
          <View className="bb-choices bb-columns-2" role="group" aria-label={t('request.pickPhrases')}>
            {phraseOptions.map((p) => (
              <Pressable
                key={p}
                role="checkbox"
                selected={phrases.includes(p)}
                label={p}
                onPress={() =>
                  setPhrases((list) => (list.includes(p) ? list.filter((x) => x !== p) : [...list, p]))
                }
                className="bb-choice"
              >
                <Text className="bb-choice-label">{p}</Text>
              </Pressable>
            ))}
          </View>
          <Heading level={2} text={t('request.orType')} />
          <TextField label={t('request.orType')} value={typed} onChange={setTyped} maxLength={500} />
          <View className="bb-actions">
            <Button
              variant="primary"
              label={t('request.next')}
              onPress={() => setDescribed(true)}
              disabled={!description}
              testId="describe-next"
            />
          </View>
        </>
      ) : null}
      {step === 3 ? (
        <>
          <Heading level={2} text={t('request.whichGrid')} />
          {grids.data ? (
            <ChoiceList
              label={t('request.whichGrid')}
              selectedId={gridId}
              items={grids.data.map((g) => ({ id: g.id, label: g.name, detail: g.area }))}
              onChoose={setGridId}
            />
          ) : (
            <Waiting text={t('common.loading')} />
          )}
          <Heading level={2} text={t('request.addressDetail')} />
          <TextField
            label={t('request.addressDetail')}
            value={address}
            onChange={setAddress}
            maxLength={200}
            short
          />
          <Heading level={2} text={t('request.phoneLabel')} />
          <Keypad
            label={t('request.phoneLabel')}
            value={phone}
            onChange={setPhone}
            maxLength={11}
            grouping={[3, 4, 4]}
            placeholder={t('request.phonePlaceholder')}
            masked={!!delegation}
          />
          <View className="bb-actions">
            <Button
              variant="primary"
              label={t('request.next')}
              onPress={() => setLocated(true)}
              disabled={!(gridId || address.trim()) || !normalizeMobile(phone)}
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
          <Row label={t('request.where')} value={[gridName, address].filter(Boolean).join(' ')} />
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
