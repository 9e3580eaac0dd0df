import fc from 'fast-check'
import { CreatedConsent, type ConsentScope, type ConsentStatus } from '@bangban/core/api/consents'
import { ApiError } from '@bangban/core/api/errors'
import {
  canAgree,
  canStart,
  consoleReducer,
  initialConsoleState,
  isAwaitingAnswer,
  nextOnStatus,
  type ConsoleAction,
  type ConsoleState,
} from '../../src/screens/staff/consoleFlow'

const run = (state: ConsoleState, ...actions: ConsoleAction[]) => actions.reduce(consoleReducer, state)

const consent = CreatedConsent.parse({
  id: 'con-12345678',
  status: 'pending',
  scopes: ['booking', 'payment'],
  minutes: 30,
  helper: { maskedName: '李*', staffNo: 'H1001' },
  resident: null,
  requestedAt: '2026-12-06T01:00:00.000Z',
  pendingUntil: '2026-12-06T01:10:00.000Z',
  approvedAt: null,
  expiresAt: null,
  endedAt: null,
  code: '123456',
  qrPayload: 'bangban://consent?id=con-12345678&t=abcdefghijklmnop',
})
const wrongCode = new ApiError('CODE_INVALID', 401, 'wrong code')
const alice = { token: 'resident-token-0001', maskedName: '王*明' }

/** The helper asked; the resident answers here with their card. */
const atCode = () =>
  run(
    initialConsoleState,
    { type: 'working' },
    { type: 'created', consent },
    { type: 'answerHere' },
    { type: 'working' },
    { type: 'cardRead', resident: alice },
  )

describe('帮办台 flow', () => {
  it('starts with every job chosen, and cannot start with none', () => {
    expect(initialConsoleState.scopes).toEqual(['booking', 'payment', 'request'])
    const none = run(
      initialConsoleState,
      ...(['booking', 'payment', 'request'] as const).map((scope) => ({
        type: 'toggleScope' as const,
        scope,
      })),
    )
    expect(none.scopes).toEqual([])
    expect(canStart(none)).toBe(false)
    expect(canStart(initialConsoleState)).toBe(true)
  })

  it('keeps the chosen jobs in one order, whatever the order of the taps', () => {
    const scope = fc.constantFrom<ConsentScope>('booking', 'payment', 'request')
    fc.assert(
      fc.property(fc.array(scope, { maxLength: 12 }), (taps) => {
        const state = run(
          initialConsoleState,
          ...taps.map((s) => ({ type: 'toggleScope' as const, scope: s })),
        )
        const order = ['booking', 'payment', 'request']
        expect([...state.scopes].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(state.scopes)
        for (const s of order as ConsentScope[]) {
          const tapped = taps.filter((t) => t === s).length
          expect(state.scopes.includes(s)).toBe(tapped % 2 === 0)
        }
      }),
    )
  })

  it('waits for the answer once asked, and polls only while it is pending', () => {
    const waiting = run(initialConsoleState, { type: 'working' }, { type: 'created', consent })
    expect(waiting).toMatchObject({ phase: 'waiting', busy: false, status: 'pending' })
    expect(isAwaitingAnswer(waiting)).toBe(true)
    expect(isAwaitingAnswer(run(waiting, { type: 'statusSeen', status: 'approved' }))).toBe(false)
    // The jobs cannot change under a request already made.
    expect(run(waiting, { type: 'toggleScope', scope: 'booking' }).scopes).toEqual(waiting.scopes)
  })

  it('takes the card, then the code, digits only and six at most', () => {
    const code = run(atCode(), { type: 'typed', code: '12a3456789' })
    expect(code).toMatchObject({ phase: 'code', resident: alice, code: '123456' })
    expect(canAgree(code)).toBe(true)
    expect(canAgree(run(atCode(), { type: 'typed', code: '12345' }))).toBe(false)
  })

  it('clears a wrong code and says why, keeping the resident at the code', () => {
    const after = run(
      atCode(),
      { type: 'typed', code: '000000' },
      { type: 'working' },
      { type: 'failed', error: wrongCode },
    )
    expect(after).toMatchObject({ phase: 'code', code: '', busy: false, error: wrongCode, resident: alice })
  })

  it('forgets the resident when the helper steps back or the answer is given', () => {
    expect(run(atCode(), { type: 'back' })).toMatchObject({ phase: 'waiting', resident: null, code: '' })
    const answered = run(
      atCode(),
      { type: 'typed', code: '123456' },
      { type: 'answered', status: 'approved' },
    )
    expect(answered).toMatchObject({ resident: null, code: '', status: 'approved' })
  })

  it.each<[ConsentStatus, ReturnType<typeof nextOnStatus>]>([
    ['pending', null],
    ['approved', 'finish'],
    ['denied', 'denied'],
    ['revoked', 'cancelled'],
    ['expired', 'lapsed'],
  ])('after %s, goes on to %s', (status, next) => {
    expect(nextOnStatus(status)).toBe(next)
  })

  it('starts again from the jobs, keeping the helper’s choice and saying why', () => {
    const chosen = run(initialConsoleState, { type: 'toggleScope', scope: 'request' })
    const back = run(chosen, { type: 'created', consent }, { type: 'reset', outcome: 'lapsed' })
    expect(back).toEqual({ ...initialConsoleState, scopes: ['booking', 'payment'], outcome: 'lapsed' })
    // The next request clears the reason.
    expect(run(back, { type: 'working' }).outcome).toBeNull()
  })

  it('ignores steps that do not belong to the phase', () => {
    expect(run(initialConsoleState, { type: 'cardRead', resident: alice })).toBe(initialConsoleState)
    expect(run(initialConsoleState, { type: 'answerHere' })).toBe(initialConsoleState)
    expect(run(initialConsoleState, { type: 'typed', code: '1' })).toBe(initialConsoleState)
    expect(run(initialConsoleState, { type: 'qrDrawn', qr: 'data:' })).toBe(initialConsoleState)
  })
})
