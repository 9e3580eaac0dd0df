/**
 * 代办记录 in 我的记录: what was done for the resident under their grants, in plain words, by whom
 * (masked name and staff number) and when. Newest first, as the service gives them.
 */
import { Text, View } from '@tarojs/components'
import type { AuditEntryView } from '@bangban/core/api/audit'
import { shanghaiDate } from '@bangban/core/domain/time'
import { displayDate, displayTime } from '@bangban/core/format/display'
import { useT } from '../../i18n/useT'
import { Heading } from '../../ui/Heading'
import { auditActionKey } from '@bangban/core/i18n/auditAction'
import { assistedEntries, auditActor } from '../staff/logic'
import { a11y } from '../../ui/a11y'

export function AuditSection({ entries }: { entries: readonly AuditEntryView[] }) {
  const t = useT()
  const shown = assistedEntries(entries)
  return (
    <>
      <Heading level={2} text={t('records.audit')} />
      {shown.length === 0 ? <Text className="bb-text bb-muted">{t('records.noAudit')}</Text> : null}
      {shown.length ? (
        <View className="bb-audit" {...a11y({ role: 'list', 'aria-label': t('records.audit') })}>
          {shown.map((entry) => (
            <View
              key={entry.seq}
              className="bb-card bb-audit-entry"
              data-testid="audit-entry"
              {...a11y({ role: 'listitem' })}
            >
              <Text className="bb-row-value">
                {t(`auditActions.${auditActionKey(entry.action)}`, {
                  defaultValue: t('auditActions.generic'),
                })}
              </Text>
              <Text className="bb-text">{auditActor(t, entry)}</Text>
              <Text className="bb-text bb-muted">
                {`${displayDate(t, shanghaiDate(entry.at))} ${displayTime(entry.at)}`}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </>
  )
}
