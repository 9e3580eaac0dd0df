import fc from 'fast-check'
import type { ErrorCode } from '@bangban/core/api/errors'
import {
  BOOK_STEPS,
  bookReducer,
  confirmLabelKey,
  exitsOnBack,
  initialBookState,
  promptKeyOf,
  signInParams,
  stepOf,
  titleKeyOf,
  type BookAction,
  type BookState,
} from '../../src/screens/book/flow'
import { appointment, languagesMissing, slot } from './fixtures'

const run = (state: BookState, ...actions: BookAction[]) => actions.reduce(bookReducer, state)
const fresh = () => initialBookState({})
const morning = slot('slot-am')
const afternoon = slot('slot-pm', 'svc-gp', '2026-12-01T06:00:00.000Z')
const booked = appointment({ slotId: morning.id })

/** A new booking chosen up to the confirm step. */
const atConfirm = () =>
  run(
    fresh(),
    { type: 'chooseService', serviceId: 'svc-gp' },
    { type: 'chooseDate', date: '2026-12-01' },
    { type: 'chooseSlot', slot: morning },
  )

describe('booking steps', () => {
  it('goes service → day → time → confirm → booked, one step per choice', () => {
    const steps: number[] = []
    let state = fresh()
    steps.push(stepOf(state))
    for (const action of [
      { type: 'chooseService', serviceId: 'svc-gp' },
      { type: 'chooseDate', date: '2026-12-01' },
      { type: 'chooseSlot', slot: morning },
      { type: 'booked', appointment: booked },
    ] as const) {
      state = bookReducer(state, action)
      steps.push(stepOf(state))
    }
    expect(steps).toEqual([1, 2, 3, 4, 5])
    expect(state.result).toBe(booked)
  })

  it('has at most four steps before the receipt', () => {
    expect(BOOK_STEPS).toBeLessThanOrEqual(4)
  })

  it('names a title and a prompt for every step, present in every language', () => {
    const states = [
      fresh(),
      run(fresh(), { type: 'chooseService', serviceId: 'svc-gp' }),
      run(
        fresh(),
        { type: 'chooseService', serviceId: 'svc-gp' },
        { type: 'chooseDate', date: '2026-12-01' },
      ),
      atConfirm(),
      run(atConfirm(), { type: 'booked', appointment: booked }),
    ]
    expect(states.map(stepOf)).toEqual([1, 2, 3, 4, 5])
    const keys = states.flatMap((s) => [titleKeyOf(s), promptKeyOf(s)])
    expect(new Set(keys).size).toBe(keys.length)
    for (const key of keys) expect([key, languagesMissing(key)]).toEqual([key, []])
    // Before sign-in the button reads 确认身份后预约, and so does the prompt.
    expect(promptKeyOf(atConfirm(), false)).toBe('voice.book.confirmSignIn')
    expect(languagesMissing('voice.book.confirmSignIn')).toEqual([])
  })

  it('says 预约成功 or 改约成功 on the receipt', () => {
    const rescheduled = run(
      initialBookState({ serviceId: 'svc-gp', reschedule: 'appt-1' }),
      { type: 'chooseDate', date: '2026-12-01' },
      { type: 'chooseSlot', slot: morning },
      { type: 'booked', appointment: booked },
    )
    expect(titleKeyOf(run(atConfirm(), { type: 'booked', appointment: booked }))).toBe('book.success')
    expect(titleKeyOf(rescheduled)).toBe('book.rescheduled')
  })

  it('changing the service forgets the day and time; changing the day forgets the time', () => {
    const otherService = run(
      atConfirm(),
      { type: 'back' },
      { type: 'back' },
      { type: 'back' },
      {
        type: 'chooseService',
        serviceId: 'svc-dental',
      },
    )
    expect(otherService).toMatchObject({ serviceId: 'svc-dental', date: null, slot: null })
    const otherDay = run(
      atConfirm(),
      { type: 'back' },
      { type: 'back' },
      { type: 'chooseDate', date: '2026-12-02' },
    )
    expect(otherDay).toMatchObject({ serviceId: 'svc-gp', date: '2026-12-02', slot: null })
    expect(stepOf(otherDay)).toBe(3)
  })

  it('takes no slot of another service and no choice out of order', () => {
    const atTime = run(
      fresh(),
      { type: 'chooseService', serviceId: 'svc-gp' },
      { type: 'chooseDate', date: '2026-12-01' },
    )
    expect(run(atTime, { type: 'chooseSlot', slot: slot('x', 'svc-dental') })).toBe(atTime)
    expect(run(fresh(), { type: 'chooseDate', date: '2026-12-01' })).toEqual(fresh())
    expect(run(fresh(), { type: 'booked', appointment: booked }).result).toBeNull()
  })

  it('keeps the receipt once booked, whatever comes after', () => {
    const done = run(atConfirm(), { type: 'booked', appointment: booked })
    for (const action of [
      { type: 'back' },
      { type: 'failed', code: 'SLOT_FULL' },
      { type: 'chooseService', serviceId: 'svc-dental' },
      { type: 'slotsLoaded', slots: [afternoon] },
    ] as const) {
      expect(bookReducer(done, action)).toBe(done)
    }
  })

  it('labels the confirm button by sign-in and by new or changed booking', () => {
    const change = initialBookState({ serviceId: 'svc-gp', reschedule: 'appt-1' })
    expect(confirmLabelKey(atConfirm(), false)).toBe('book.signInToConfirm')
    expect(confirmLabelKey(atConfirm(), true)).toBe('book.confirm')
    expect(confirmLabelKey(change, false)).toBe('book.signInToConfirm')
    expect(confirmLabelKey(change, true)).toBe('book.confirmChange')
  })
})

describe('返回 in the booking', () => {
  it('undoes one choice per step, keeping the earlier ones', () => {
    const atTime = run(atConfirm(), { type: 'back' })
    expect(stepOf(atTime)).toBe(3)
    expect(atTime).toMatchObject({ serviceId: 'svc-gp', date: '2026-12-01', slot: null })
    const atDay = run(atTime, { type: 'back' })
    expect(stepOf(atDay)).toBe(2)
    expect(atDay).toMatchObject({ serviceId: 'svc-gp', date: null })
    const atService = run(atDay, { type: 'back' })
    expect(stepOf(atService)).toBe(1)
    expect(atService.serviceId).toBeNull()
    expect([atConfirm(), atTime, atDay].map(exitsOnBack)).toEqual([false, false, false])
  })

  it('leaves the page from the first step', () => {
    expect(exitsOnBack(fresh())).toBe(true)
    expect(run(fresh(), { type: 'back' })).toEqual(fresh())
  })

  it('changing a booking starts at the day, and 返回 there leaves for 我的记录', () => {
    const change = initialBookState({ serviceId: 'svc-gp', reschedule: 'appt-1' })
    expect(stepOf(change)).toBe(2)
    expect(exitsOnBack(change)).toBe(true)
    expect(run(change, { type: 'back' })).toEqual(change)
    const atTime = run(change, { type: 'chooseDate', date: '2026-12-01' })
    expect(exitsOnBack(atTime)).toBe(false)
    expect(run(atTime, { type: 'back' })).toEqual(change)
  })

  it('has no 返回 effect on the receipt', () => {
    const done = run(atConfirm(), { type: 'booked', appointment: booked })
    expect(exitsOnBack(done)).toBe(false)
    expect(run(done, { type: 'back' })).toBe(done)
  })
})

describe('a slot that cannot be had', () => {
  it.each<ErrorCode>(['SLOT_FULL', 'SLOT_NOT_BOOKABLE'])(
    '%s sends the resident back to the times of the same day',
    (code) => {
      const state = run(atConfirm(), { type: 'failed', code })
      expect(stepOf(state)).toBe(3)
      expect(state).toMatchObject({ serviceId: 'svc-gp', date: '2026-12-01', slot: null })
    },
  )

  it.each<ErrorCode>(['ALREADY_BOOKED', 'NETWORK', 'INTERNAL', 'CONSENT_EXPIRED'])(
    '%s keeps the confirm step to try again',
    (code) => {
      expect(run(atConfirm(), { type: 'failed', code })).toEqual(atConfirm())
    },
  )
})

describe('sign-in in the middle of a booking', () => {
  it('carries every choice, and the booking to change', () => {
    expect(signInParams(atConfirm())).toEqual({
      next: 'book',
      serviceId: 'svc-gp',
      date: '2026-12-01',
      slotId: morning.id,
    })
    const change = run(
      initialBookState({ serviceId: 'svc-gp', reschedule: 'appt-1' }),
      { type: 'chooseDate', date: '2026-12-01' },
      { type: 'chooseSlot', slot: morning },
    )
    expect(signInParams(change)).toMatchObject({ next: 'book', slotId: morning.id, reschedule: 'appt-1' })
  })

  it('is only asked for at the confirm step', () => {
    expect(signInParams(fresh())).toBeNull()
    expect(signInParams(run(atConfirm(), { type: 'back' }))).toBeNull()
  })

  it('comes back to the confirm step once the day’s slots name the carried one', () => {
    const { next: _next, ...carried } = signInParams(atConfirm())!
    const opened = initialBookState(carried)
    expect(stepOf(opened)).toBe(3)
    const back = run(opened, { type: 'slotsLoaded', slots: [afternoon, morning] })
    expect(stepOf(back)).toBe(4)
    expect(back).toMatchObject({ serviceId: 'svc-gp', date: '2026-12-01', slot: morning, rescheduleId: null })
  })

  it('asks for the time again when the carried slot is gone from the day', () => {
    const opened = initialBookState({ serviceId: 'svc-gp', date: '2026-12-01', slotId: 'slot-gone' })
    const state = run(opened, { type: 'slotsLoaded', slots: [afternoon] })
    expect(stepOf(state)).toBe(3)
    expect(state.carriedSlotId).toBeNull()
  })

  it('lets 返回 and SLOT_FULL clear a carried slot like a chosen one', () => {
    const opened = initialBookState({ serviceId: 'svc-gp', date: '2026-12-01', slotId: morning.id })
    const atConfirmAgain = run(opened, { type: 'slotsLoaded', slots: [morning] })
    for (const action of [{ type: 'back' }, { type: 'failed', code: 'SLOT_FULL' }] as const) {
      const state = run(atConfirmAgain, action)
      expect(stepOf(state)).toBe(3)
      // The reloaded list of the day must not bring the same slot back.
      expect(stepOf(run(state, { type: 'slotsLoaded', slots: [morning] }))).toBe(3)
    }
  })

  it('drops a carried choice whose earlier choice is missing', () => {
    expect(initialBookState({ date: '2026-12-01', slotId: 'slot-am' })).toMatchObject({
      serviceId: null,
      date: null,
      carriedSlotId: null,
    })
    expect(initialBookState({ serviceId: 'svc-gp', slotId: 'slot-am' }).carriedSlotId).toBeNull()
  })
})

describe('any sequence of taps', () => {
  const actions: fc.Arbitrary<BookAction> = fc.oneof(
    fc
      .constantFrom('svc-gp', 'svc-dental')
      .map((serviceId) => ({ type: 'chooseService' as const, serviceId })),
    fc.constantFrom('2026-12-01', '2026-12-02').map((date) => ({ type: 'chooseDate' as const, date })),
    fc
      .constantFrom(morning, afternoon, slot('slot-dental', 'svc-dental'))
      .map((s) => ({ type: 'chooseSlot' as const, slot: s })),
    fc.constant({ type: 'slotsLoaded' as const, slots: [morning, afternoon] }),
    fc.constant({ type: 'back' as const }),
    fc.constant({ type: 'booked' as const, appointment: booked }),
    fc
      .constantFrom<ErrorCode>('SLOT_FULL', 'SLOT_NOT_BOOKABLE', 'ALREADY_BOOKED')
      .map((code) => ({ type: 'failed' as const, code })),
  )
  const starts = fc.constantFrom(
    {},
    { serviceId: 'svc-gp', reschedule: 'appt-1' },
    { serviceId: 'svc-gp', date: '2026-12-01', slotId: morning.id },
  )

  it('keeps the choices consistent with the step, and 返回 one step at a time', () => {
    fc.assert(
      fc.property(starts, fc.array(actions, { maxLength: 30 }), (params, sequence) => {
        let state = initialBookState(params)
        for (const action of sequence) {
          const previous = state
          state = bookReducer(state, action)
          const step = stepOf(state)
          expect(step === 5).toBe(state.result !== null)
          if (step < 5) expect(step).toBeLessThanOrEqual(BOOK_STEPS)
          if (state.date) expect(state.serviceId).not.toBeNull()
          if (state.slot) expect([state.date !== null, state.slot.serviceId]).toEqual([true, state.serviceId])
          if (action.type === 'back' && stepOf(previous) < 5) {
            if (exitsOnBack(previous)) expect(state).toBe(previous)
            else expect(step).toBe(stepOf(previous) - 1)
          }
        }
        // From anywhere short of the receipt, 返回 leaves the page within three presses.
        if (stepOf(state) < 5) {
          let presses = 0
          while (!exitsOnBack(state)) {
            state = bookReducer(state, { type: 'back' })
            presses += 1
          }
          expect(presses).toBeLessThanOrEqual(BOOK_STEPS - 1)
        }
      }),
    )
  })
})
