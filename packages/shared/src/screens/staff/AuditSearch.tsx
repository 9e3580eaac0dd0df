/**
 * 审计查询 on the operators' dashboard: by helper staff number, by resident (chosen from a result,
 * shown masked: an operator never types a resident's ID number here) and by time range, over
 * /admin/audit. Each result is one sentence in plain words: when, who, for whom, what.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { AuditEntryView } from '@bangban/core/api/audit'
import type { ApiError } from '@bangban/core/api/errors'
import { shanghaiDate, type LocalDate } from '@bangban/core/domain/time'
import { displayDate, displayTime } from '@bangban/core/format/display'
import { useT } from '../../i18n/useT'
import { a11y } from '../../ui/a11y'
import { Button } from '../../ui/Button'
import { Heading } from '../../ui/Heading'
import { Notice } from '../../ui/Notice'
import { Pressable } from '../../ui/Pressable'
import { Waiting } from '../../ui/Waiting'
import { ErrorView } from '../ErrorView'
import { asApiError } from '../../visit/useApi'
import { AUDIT_RANGES, auditRange, auditSentence, staffNoQuery, type AuditRange } from './dashboard'
import { auditActionKey } from '@bangban/core/i18n/auditAction'
import { TextEntry } from '../../entry/TextEntry'
import { useStaffApi } from '../../visit/staffSession'

const LIMIT = 100

interface Resident {
  readonly id: string
  readonly maskedName: string
}

export function AuditSearch({ date, onSay }: { date: LocalDate; onSay: (text: string) => void }) {
  const t = useT()
  const api = useStaffApi()
  const [staffNo, setStaffNo] = useState('')
  const [range, setRange] = useState<AuditRange>('today')
  const [resident, setResident] = useState<Resident | null>(null)
  const [results, setResults] = useState<AuditEntryView[] | null>(null)
  const [badStaffNo, setBadStaffNo] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const search = async (who: Resident | null = resident) => {
    const typed = staffNo.trim()
    const helper = staffNoQuery(typed)
    setBadStaffNo(typed !== '' && helper === null)
    if (typed !== '' && helper === null) return
    setBusy(true)
    setError(null)
    try {
      const found = await api.call('adminAudit', {
        query: {
          ...auditRange(range, date),
          limit: LIMIT,
          ...(helper ? { staffNo: helper } : {}),
          ...(who ? { residentId: who.id } : {}),
        },
      })
      setResults(found)
      onSay(t('voice.dashboard.results', { count: found.length }))
    } catch (e) {
      setResults(null)
      setError(asApiError(e))
    } finally {
      setBusy(false)
    }
  }

  const only = (who: Resident | null) => {
    setResident(who)
    void search(who)
  }

  const sentence = (entry: AuditEntryView) =>
    t(`dashboard.audit.${auditSentence(entry)}`, {
      when: `${displayDate(t, shanghaiDate(entry.at))} ${displayTime(entry.at)}`,
      who: t('dashboard.audit.staff', {
        name: entry.actor.maskedName ?? '',
        staffNo: entry.actor.staffNo ?? '',
      }),
      resident: entry.subject?.maskedName ?? '',
      action: t(`dashboard.audit.actions.${auditActionKey(entry.action)}`, {
        defaultValue: t('dashboard.audit.actions.generic'),
      }),
    })

  return (
    <View className="bb-dash-section" {...a11y({ role: 'search', 'aria-label': t('dashboard.audit.title') })}>
      <Heading level={2} text={t('dashboard.audit.title')} />
      <Text className="bb-text bb-muted">{t('dashboard.audit.hint')}</Text>
      <View className="bb-card bb-form bb-audit-form">
        <TextEntry
          kind="staffNo"
          label={t('dashboard.audit.staffNo')}
          value={staffNo}
          onChange={(value) => {
            setStaffNo(value)
            setBadStaffNo(false)
          }}
          maxLength={16}
          startClosed
          testId="audit-staff-no"
        />
        {badStaffNo ? <Notice kind="error" title={t('dashboard.audit.badStaffNo')} /> : null}
        <Text className="bb-field-label">{t('dashboard.audit.range')}</Text>
        <View
          className="bb-setting"
          {...a11y({ role: 'radiogroup', 'aria-label': t('dashboard.audit.range') })}
        >
          {AUDIT_RANGES.map((r) => (
            <Pressable
              key={r}
              role="radio"
              selected={r === range}
              label={t(`dashboard.audit.ranges.${r}`)}
              onPress={() => setRange(r)}
              className="bb-chip"
              testId={`audit-range-${r}`}
            >
              <Text>{t(`dashboard.audit.ranges.${r}`)}</Text>
            </Pressable>
          ))}
        </View>
        {resident ? (
          <View className="bb-actions">
            <Text className="bb-text" data-testid="audit-resident">
              {t('dashboard.audit.resident', { name: resident.maskedName })}
            </Text>
            <Button label={t('dashboard.audit.anyResident')} onPress={() => only(null)} />
          </View>
        ) : (
          <Text className="bb-text bb-muted">{t('dashboard.audit.residentHint')}</Text>
        )}
        <View className="bb-actions">
          <Button
            variant="primary"
            label={t('dashboard.audit.search')}
            onPress={() => void search()}
            disabled={busy}
            testId="audit-search"
          />
        </View>
      </View>
      {busy ? <Waiting text={t('common.waiting')} /> : null}
      {error ? <ErrorView error={error} /> : null}
      {results ? (
        <>
          <Text className="bb-text" {...a11y({ role: 'status' })}>
            {results.length
              ? t('dashboard.audit.results', { count: results.length })
              : t('dashboard.audit.none')}
          </Text>
          {results.length ? (
            <View className="bb-audit" {...a11y({ role: 'list', 'aria-label': t('dashboard.audit.title') })}>
              {results.map((entry) => (
                <View
                  key={entry.seq}
                  className="bb-card bb-audit-entry"
                  data-testid="audit-line"
                  {...a11y({ role: 'listitem' })}
                >
                  <Text className="bb-text">{sentence(entry)}</Text>
                  {entry.subject && entry.subject.id !== resident?.id ? (
                    <View className="bb-actions">
                      <Button
                        variant="quiet"
                        label={t('dashboard.audit.onlyResident', { name: entry.subject.maskedName })}
                        onPress={() => only(entry.subject)}
                      />
                    </View>
                  ) : null}
                </View>
              ))}
            </View>
          ) : null}
        </>
      ) : null}
    </View>
  )
}
