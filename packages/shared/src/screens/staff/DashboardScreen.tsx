/**
 * 运营看板, the kiosk in staff mode for an administrator: the two service figures large (response
 * rate, median handling time), bar charts of today's appointments per department and payments per
 * method, the open requests of each grid with overdue ones first and marked in words, and the audit
 * search. Figures come from /admin/dashboard; "today" is the service's day in Asia/Shanghai.
 */
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import type { AdminDashboard, GridOpenRequests, OpenRequestLine } from '@bangban/core/api/dashboard'
import { shanghaiDate } from '@bangban/core/domain/time'
import { displayDate, displayMoney, displayTime } from '@bangban/core/format/display'
import { useT } from '../../i18n/useT'
import { usePlatform } from '../../platform/PlatformContext'
import { useAppState } from '../../state/useAppState'
import { BarChart } from '../../ui/BarChart'
import { Button } from '../../ui/Button'
import { Heading } from '../../ui/Heading'
import { ScreenFrame } from '../../frame/ScreenFrame'
import { Waiting } from '../../ui/Waiting'
import { useScreenVoice } from '../../visit/useScreenVoice'
import { ErrorView } from '../ErrorView'
import { relaunchTo, replaceWith } from '../../visit/nav'
import { useLoad } from '../../visit/useApi'
import { AuditSearch } from './AuditSearch'
import { hoursAndMinutes, minutesBetween, percent } from './dashboard'
import { leaveStaffMode, useStaffApi, watchForeignWipes } from '../../visit/staffSession'
import { a11y } from '../../ui/a11y'

const METRICS_DAYS = 30

type T = ReturnType<typeof useT>

function duration(t: T, minutes: number | null): string | null {
  const parts = hoursAndMinutes(minutes)
  if (!parts) return null
  return parts.hours > 0
    ? t('dashboard.hoursMinutes', { hours: parts.hours, minutes: parts.minutes })
    : t('dashboard.minutesOnly', { minutes: parts.minutes })
}

function Figures({ board }: { board: AdminDashboard }) {
  const t = useT()
  const rate = percent(board.requests.responseRate)
  const handling = duration(t, board.requests.medianHandlingMinutes)
  return (
    <View className="bb-dash-section">
      <Heading level={2} text={t('dashboard.figuresTitle', { days: METRICS_DAYS })} />
      <View className="bb-figures">
        <View className="bb-card bb-figure" data-testid="figure-response-rate">
          <Text className="bb-figure-label">{t('dashboard.responseRate')}</Text>
          <Text className="bb-figure-value">
            {rate === null ? t('dashboard.noFigure') : t('dashboard.percent', { value: rate })}
          </Text>
          <Text className="bb-text bb-muted">
            {t('dashboard.responseDetail', {
              total: board.requests.total,
              responded: board.requests.responded,
            })}
          </Text>
        </View>
        <View className="bb-card bb-figure" data-testid="figure-median-handling">
          <Text className="bb-figure-label">{t('dashboard.medianHandling')}</Text>
          <Text className="bb-figure-value">{handling ?? t('dashboard.noFigure')}</Text>
          <Text className="bb-text bb-muted">
            {t('dashboard.handlingDetail', { resolved: board.requests.resolved })}
          </Text>
        </View>
      </View>
    </View>
  )
}

function Appointments({ board }: { board: AdminDashboard }) {
  const t = useT()
  const { byDepartment, total } = board.appointments
  const list = byDepartment
    .map((d) => t('dashboard.appointmentsBar', { name: d.serviceName, count: d.booked }))
    .join(t('dashboard.listSeparator'))
  return (
    <View className="bb-dash-section">
      <Heading level={2} text={t('dashboard.appointmentsTitle')} />
      <Text className="bb-text">{t('dashboard.appointmentsTotal', { count: total })}</Text>
      <BarChart
        label={t('dashboard.appointmentsChart', { list })}
        testId="chart-appointments"
        bars={byDepartment.map((d) => ({
          id: d.serviceId,
          label: d.serviceName,
          detail: d.providerName,
          value: d.booked,
          valueText: String(d.booked),
        }))}
      />
    </View>
  )
}

function Payments({ board }: { board: AdminDashboard }) {
  const t = useT()
  const { byMethod, count, totalFen } = board.payments
  const list = byMethod
    .map((m) =>
      t('dashboard.paymentsBar', {
        name: t(`dashboard.methods.${m.method}`),
        count: m.count,
        amount: displayMoney(m.totalFen),
      }),
    )
    .join(t('dashboard.listSeparator'))
  return (
    <View className="bb-dash-section">
      <Heading level={2} text={t('dashboard.paymentsTitle')} />
      <Text className="bb-text">
        {t('dashboard.paymentsTotal', { count, amount: displayMoney(totalFen) })}
      </Text>
      <BarChart
        label={t('dashboard.paymentsChart', { list })}
        testId="chart-payments"
        bars={byMethod.map((m) => ({
          id: m.method,
          label: t(`dashboard.methods.${m.method}`),
          // The bar is the money taken; the count is written beside it.
          value: m.totalFen,
          valueText: t('dashboard.paymentsValue', { count: m.count, amount: displayMoney(m.totalFen) }),
        }))}
      />
    </View>
  )
}

function RequestLine({ request, asOf }: { request: OpenRequestLine; asOf: string }) {
  const t = useT()
  const left = request.overdue
    ? t('dashboard.overdueBy', { duration: duration(t, minutesBetween(request.dueAt, asOf)) })
    : t('dashboard.dueIn', { duration: duration(t, minutesBetween(asOf, request.dueAt)) })
  return (
    <View
      className={`bb-card bb-open-request${request.overdue ? ' bb-overdue' : ''}`}
      data-testid="open-request"
      {...a11y({ role: 'listitem' })}
    >
      <View className="bb-open-head">
        {request.overdue ? <Text className="bb-overdue-tag">{t('dashboard.overdueTag')}</Text> : null}
        <Text className="bb-row-value">{`${request.requestNo} · ${request.categoryName}`}</Text>
      </View>
      <Text className="bb-text">
        {`${t(`dashboard.statuses.${request.status}`)} · ${
          request.assigneeMaskedName
            ? t('dashboard.assignee', { name: request.assigneeMaskedName })
            : t('dashboard.unassigned')
        }`}
      </Text>
      <Text className={request.overdue ? 'bb-text bb-overdue-text' : 'bb-text'}>{left}</Text>
      <Text className="bb-text bb-muted">
        {t('dashboard.dueAt', {
          date: displayDate(t, shanghaiDate(request.dueAt)),
          time: displayTime(request.dueAt),
        })}
      </Text>
    </View>
  )
}

function Grid({ grid, asOf }: { grid: GridOpenRequests; asOf: string }) {
  const t = useT()
  return (
    <View className="bb-grid-requests" data-testid="grid-requests">
      <Text className="bb-group-title">{grid.gridName}</Text>
      <Text className="bb-text">
        {grid.open
          ? t('dashboard.gridSummary', { open: grid.open, overdue: grid.overdue })
          : t('dashboard.gridNone')}
      </Text>
      {grid.open ? (
        <View className="bb-open-list" {...a11y({ role: 'list', 'aria-label': grid.gridName })}>
          {grid.requests.map((r) => (
            <RequestLine key={r.id} request={r} asOf={asOf} />
          ))}
        </View>
      ) : null}
    </View>
  )
}

function OpenRequests({ board }: { board: AdminDashboard }) {
  const t = useT()
  return (
    <View className="bb-dash-section">
      <Heading level={2} text={t('dashboard.openTitle')} />
      <Text className="bb-text">
        {t('dashboard.openTotal', { count: board.openRequests.total, overdue: board.openRequests.overdue })}
      </Text>
      {board.openRequests.byGrid.map((g) => (
        <Grid key={g.gridId} grid={g} asOf={board.asOf} />
      ))}
    </View>
  )
}

export function DashboardScreen() {
  const t = useT()
  const platform = usePlatform()
  const api = useStaffApi()
  const { staff } = useAppState()
  const admin = staff?.staff.roles.includes('admin') ?? false
  const board = useLoad<AdminDashboard>(admin ? () => api.call('adminDashboard') : null, [api, admin])
  const { repeat, say } = useScreenVoice(board.data ? t('voice.dashboard.intro') : null)

  useEffect(() => watchForeignWipes(platform), [platform])
  useEffect(() => {
    if (!staff) replaceWith('staffSignIn')
    else if (!admin) replaceWith('staffConsole')
  }, [staff, admin])

  const footer = (
    <>
      {staff?.staff.roles.includes('helper') ? (
        <Button label={t('dashboard.toConsole')} onPress={() => relaunchTo('staffConsole')} />
      ) : (
        <View />
      )}
      <Button
        label={t('staff.signOut')}
        icon="back"
        onPress={() => void leaveStaffMode(platform)}
        testId="staff-sign-out"
      />
    </>
  )

  const data = board.data
  return (
    <ScreenFrame title={t('dashboard.title')} onRepeat={repeat} footer={footer}>
      {staff ? (
        <Text className="bb-text">
          {t('dashboard.whoAmI', { name: staff.staff.name, staffNo: staff.staff.staffNo })}
        </Text>
      ) : null}
      {board.error ? <ErrorView error={board.error} /> : null}
      {board.loading && !data ? <Waiting text={t('common.waiting')} /> : null}
      {data ? (
        <>
          <View className="bb-actions">
            <Text className="bb-text" data-testid="dashboard-as-of">
              {t('dashboard.asOf', { date: displayDate(t, data.date), time: displayTime(data.asOf) })}
            </Text>
            <Button
              label={t('dashboard.refresh')}
              onPress={board.reload}
              disabled={board.loading}
              testId="dashboard-refresh"
            />
          </View>
          <Figures board={data} />
          <Appointments board={data} />
          <Payments board={data} />
          <OpenRequests board={data} />
          {data.auditHead ? (
            <Text className="bb-text" data-testid="dashboard-audit-head">
              {t('dashboard.auditHead', { hash: data.auditHead.shortHash })}
            </Text>
          ) : null}
          <AuditSearch date={data.date} onSay={say} />
        </>
      ) : null}
    </ScreenFrame>
  )
}
