import fc from 'fast-check'
import { exitsOnBack, initialBookState, stepOf } from '../../src/screens/book/flow'
import {
  appointmentStatusKey,
  billsSummary,
  canRate,
  changeParams,
  isChangeable,
  recordsPromptKey,
  splitAppointments,
} from '../../src/screens/records/logic'
import { appointment, bill, languagesMissing, serviceRequest } from './fixtures'

const NOW = Date.parse('2026-12-01T02:00:00.000Z')
const at = (ms: number) => new Date(NOW + ms).toISOString()

describe('which appointments can be cancelled or changed', () => {
  it.each([
    ['booked, tomorrow', true, { startsAt: at(86_400_000) }],
    ['booked, in a minute', true, { startsAt: at(60_000) }],
    ['booked, starting now', false, { startsAt: at(0) }],
    ['booked, begun an hour ago', false, { startsAt: at(-3_600_000) }],
    ['cancelled, tomorrow', false, { startsAt: at(86_400_000), status: 'cancelled' as const }],
  ])('%s: %p', (_label, expected, overrides) => {
    expect(isChangeable(appointment(overrides), NOW)).toBe(expected)
  })

  it('compares instants as times whatever their offset', () => {
    // 09:30 in Shanghai is 01:30 UTC, half an hour before NOW: past, though its text sorts after NOW's.
    const pastInShanghaiTime = appointment({
      startsAt: '2026-12-01T09:30:00+08:00',
      endsAt: '2026-12-01T10:00:00+08:00',
    })
    expect(isChangeable(pastInShanghaiTime, NOW)).toBe(false)
    // 10:30 in Shanghai is 02:30 UTC: still ahead.
    const ahead = appointment({ startsAt: '2026-12-01T10:30:00+08:00', endsAt: '2026-12-01T11:00:00+08:00' })
    expect(isChangeable(ahead, NOW)).toBe(true)
  })
})

describe('the lists of appointments', () => {
  it('shows upcoming ones soonest first and the rest as the service orders them', () => {
    // The service lists newest first.
    const list = [
      appointment({ id: 'late', startsAt: at(3 * 86_400_000) }),
      appointment({ id: 'cancelled', startsAt: at(2 * 86_400_000), status: 'cancelled' }),
      appointment({ id: 'soon', startsAt: at(86_400_000) }),
      appointment({ id: 'yesterday', startsAt: at(-86_400_000) }),
      appointment({ id: 'last-week', startsAt: at(-7 * 86_400_000) }),
    ]
    const { upcoming, others } = splitAppointments(list, NOW)
    expect(upcoming.map((a) => a.id)).toEqual(['soon', 'late'])
    expect(others.map((a) => a.id)).toEqual(['cancelled', 'yesterday', 'last-week'])
  })

  it('puts every appointment in exactly one list', () => {
    const one = fc
      .record({
        offset: fc.integer({ min: -30 * 86_400_000, max: 30 * 86_400_000 }),
        cancelled: fc.boolean(),
      })
      .map(({ offset, cancelled }) =>
        appointment({ startsAt: at(offset), status: cancelled ? 'cancelled' : 'booked' }),
      )
    fc.assert(
      fc.property(fc.array(one, { maxLength: 15 }), (list) => {
        const { upcoming, others } = splitAppointments(list, NOW)
        expect(upcoming.length + others.length).toBe(list.length)
        expect(upcoming.every((a) => isChangeable(a, NOW))).toBe(true)
        expect(others.some((a) => isChangeable(a, NOW))).toBe(false)
        const starts = upcoming.map((a) => Date.parse(a.startsAt))
        expect(starts).toEqual([...starts].sort((a, b) => a - b))
      }),
    )
  })

  it('reads out how many are upcoming, or that there are none', () => {
    expect(recordsPromptKey(2)).toBe('voice.records.list')
    expect(recordsPromptKey(0)).toBe('voice.records.empty')
    expect(languagesMissing(recordsPromptKey(1))).toEqual([])
    expect(languagesMissing(recordsPromptKey(0))).toEqual([])
  })

  it('shows the ticket of a booking, and that a cancelled one is cancelled', () => {
    expect(appointmentStatusKey(appointment())).toBe('records.ticket')
    expect(appointmentStatusKey(appointment({ status: 'cancelled' }))).toBe('records.statusCancelled')
  })
})

describe('改约 from 我的记录', () => {
  it('opens the booking at the day of the same service, and 返回 there comes back', () => {
    const state = initialBookState(changeParams(appointment({ id: 'appt-9', serviceId: 'svc-dental' })))
    expect(stepOf(state)).toBe(2)
    expect(state).toMatchObject({ serviceId: 'svc-dental', rescheduleId: 'appt-9', date: null })
    expect(exitsOnBack(state)).toBe(true)
  })
})

describe('requests and bills in 我的记录', () => {
  it.each([
    ['dispatched', null, false],
    ['in-progress', null, false],
    ['resolved', null, true],
    ['resolved', { score: 5, comment: null }, false],
    ['closed', { score: 4, comment: null }, false],
  ] as const)('status %s, rating %j: can be rated %p', (status, rating, expected) => {
    expect(canRate(serviceRequest({ status, rating }))).toBe(expected)
  })

  it('sums what is left to pay in fen', () => {
    const summary = billsSummary([bill('a', 4_350), bill('b', 9_900, 'paid'), bill('c', 12_805)])
    expect(summary.unpaidFen).toBe(17_155)
    expect(summary.paid.map((b) => b.id)).toEqual(['b'])
    expect(summary.unpaid.map((b) => b.id)).toEqual(['a', 'c'])
    expect(billsSummary([]).unpaidFen).toBe(0)
  })
})
