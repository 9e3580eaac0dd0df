/**
 * 我的诉求 in 我的记录: each request with its status and timeline; once resolved the resident
 * rates it (1–5, big buttons) or says it is not fixed (reopen).
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ServiceRequest } from '@bangban/core/api/requests'
import { shanghaiDate, shanghaiTime } from '@bangban/core/domain/time'
import { displayDate } from '@bangban/core/format/display'
import { useT } from '../../i18n/useT'
import { Button } from '../../ui/Button'
import { Heading } from '../../ui/Heading'
import { Notice } from '../../ui/Notice'
import { Pressable } from '../../ui/Pressable'
import { ErrorView } from '../ErrorView'
import { asApiError, useApi } from '../../visit/useApi'
import type { ApiError } from '@bangban/core/api/errors'
import { canRate } from './logic'
import { a11y } from '../../ui/a11y'

export function RequestsSection({
  requests,
  onChanged,
  say,
}: {
  requests: ServiceRequest[]
  onChanged: () => void
  say: (text: string) => void
}) {
  const t = useT()
  const api = useApi()
  const [open, setOpen] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const act = async (action: () => Promise<unknown>, message: string) => {
    setError(null)
    try {
      await action()
      setDone(message)
      say(message)
      onChanged()
    } catch (e) {
      setError(asApiError(e))
    }
  }

  return (
    <>
      <Heading level={2} text={t('records.requests')} />
      {done ? <Notice kind="success" title={done} /> : null}
      {error ? <ErrorView error={error} /> : null}
      {requests.length === 0 ? <Text className="bb-text bb-muted">{t('records.noRequests')}</Text> : null}
      {requests.map((r) => (
        <View key={r.id} className="bb-card" data-testid="service-request">
          <Text className="bb-row-value">{`${r.categoryName} · ${r.requestNo}`}</Text>
          <Text className="bb-text">{r.description}</Text>
          <Text className="bb-text">{t(`records.requestStatus.${r.status}`)}</Text>
          {r.assignee ? (
            <Text className="bb-text bb-muted">
              {t('request.handledBy', { name: r.assignee.maskedName, grid: r.gridName })}
            </Text>
          ) : null}
          {open === r.id ? (
            <View className="bb-timeline" {...a11y({ role: 'list', 'aria-label': t('records.timeline') })}>
              {r.timeline.map((entry, i) => (
                <View key={`${entry.at}-${i}`} className="bb-timeline-entry" {...a11y({ role: 'listitem' })}>
                  <Text className="bb-row-label">{`${displayDate(t, shanghaiDate(entry.at))} ${shanghaiTime(entry.at)}`}</Text>
                  <Text className="bb-text">
                    {[t(`records.events.${entry.event}`), entry.by.maskedName, entry.note]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </View>
              ))}
            </View>
          ) : null}
          <View className="bb-actions">
            <Button
              label={open === r.id ? t('records.hideProgress') : t('records.showProgress')}
              onPress={() => setOpen(open === r.id ? null : r.id)}
            />
          </View>
          {canRate(r) ? (
            <View className="bb-rating">
              <Text className="bb-text">{t('records.rateQuestion')}</Text>
              <View
                className="bb-actions"
                {...a11y({ role: 'group', 'aria-label': t('records.rateQuestion') })}
              >
                {[5, 4, 3, 2, 1].map((score) => (
                  <Pressable
                    key={score}
                    label={t(`records.scores.${score}`)}
                    onPress={() =>
                      void act(
                        () => api.call('rateServiceRequest', { params: { id: r.id }, body: { score } }),
                        t('records.rated'),
                      )
                    }
                    className="bb-button bb-score"
                  >
                    <Text>{t(`records.scores.${score}`)}</Text>
                  </Pressable>
                ))}
              </View>
              <Button
                variant="danger"
                label={t('records.notFixed')}
                onPress={() =>
                  void act(
                    () => api.call('reopenServiceRequest', { params: { id: r.id }, body: {} }),
                    t('records.reopened'),
                  )
                }
              />
            </View>
          ) : null}
          {r.rating ? (
            <Text className="bb-text bb-muted">
              {t('records.yourRating', { score: t(`records.scores.${r.rating.score}`) })}
            </Text>
          ) : null}
        </View>
      ))}
    </>
  )
}
