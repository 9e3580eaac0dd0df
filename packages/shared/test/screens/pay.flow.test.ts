import fc from 'fast-check'
import type { Bill } from '@bangban/core/api/bills'
import { MAX_FEN } from '@bangban/core/domain/money'
import {
  ACCOUNT_KINDS,
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
  type PayAction,
  type PayState,
} from '../../src/screens/pay/flow'
import { bill, languagesMissing, payment } from './fixtures'

const run = (state: PayState, ...actions: PayAction[]) => actions.reduce(payReducer, state)
const water = bill('b1', 4_350)
const power = bill('b2', 12_805)
const alreadyPaid = bill('b3', 9_900, 'paid')
const found = () => run(initialPayState, { type: 'billsFound', bills: [water, alreadyPaid, power] })
const chose = () => run(found(), { type: 'setChosen', billIds: ['b1', 'b2'] })
const waiting = () => run(chose(), { type: 'paymentCreated', payment: payment('pay-1', 'pending', 17_155) })

describe('payment steps', () => {
  it('goes find → choose → wait → paid', () => {
    const typed = run(
      initialPayState,
      { type: 'chooseKind', kind: 'water' },
      { type: 'typeDigits', digits: '1000001' },
    )
    expect(stepOf(typed)).toBe(1)
    expect(stepOf(found())).toBe(2)
    expect(stepOf(waiting())).toBe(3)
    const paid = run(waiting(), { type: 'paymentUpdated', payment: payment('pay-1', 'paid', 17_155) })
    expect(stepOf(paid)).toBe(4)
    expect(PAY_STEPS).toBeLessThanOrEqual(4)
  })

  it('ticks nothing when the bills are found: money is never taken by default', () => {
    expect(found().chosen).toEqual([])
    expect(chosenBills(found())).toEqual([])
    expect([canPay(found()), totalFen(found())]).toEqual([false, 0])
    expect(unpaidBills(found())).toEqual([water, power])
    expect(chosenBills(chose())).toEqual([water, power])
    expect(totalFen(chose())).toBe(17_155)
  })

  it('ticks nothing whatever the bills found', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 1_000_000 }),
            fc.constantFrom('unpaid' as const, 'paid' as const),
          ),
          { maxLength: 12 },
        ),
        (specs) => {
          const bills = specs.map(([fen, status], i) => bill(`b${i}`, fen, status))
          const state = run(initialPayState, { type: 'billsFound', bills })
          expect([state.chosen, totalFen(state), canPay(state)]).toEqual([[], 0, false])
        },
      ),
    )
  })

  it('pays only with something chosen', () => {
    expect(canPay(chose())).toBe(true)
    const none = run(chose(), { type: 'setChosen', billIds: [] })
    expect([canPay(none), totalFen(none)]).toEqual([false, 0])
    const onlyPaid = run(found(), { type: 'setChosen', billIds: ['b3'] })
    expect([canPay(onlyPaid), totalFen(onlyPaid)]).toEqual([false, 0])
    expect(canPay(initialPayState)).toBe(false)
  })

  it('names a title and a prompt for every step, present in every language', () => {
    const states = [
      initialPayState,
      found(),
      run(initialPayState, { type: 'billsFound', bills: [alreadyPaid] }),
      waiting(),
      run(waiting(), { type: 'paymentUpdated', payment: payment('pay-1', 'paid') }),
    ]
    const prompts = states.map((s) => promptKeyOf(s, 'wechat-native'))
    expect(prompts).toEqual([
      'voice.pay.find',
      'voice.pay.choose',
      'voice.pay.nothing',
      'voice.pay.scan',
      'voice.pay.success',
    ])
    expect(promptKeyOf(waiting(), 'wechat-jsapi')).toBe('voice.pay.sheet')
    // 我的账户 is there only for a signed-in resident; the keypad has its own prompt.
    expect(promptKeyOf(initialPayState, 'wechat-native', false)).toBe('voice.pay.findByAccount')
    expect(promptKeyOf(run(initialPayState, { type: 'chooseKind', kind: 'water' }), 'wechat-native')).toBe(
      'voice.pay.account',
    )
    expect(promptKeyOf(initialPayState, 'wechat-native', false, true)).toBe('voice.pay.findWithCard')
    const keys = [
      ...prompts,
      'voice.pay.sheet',
      'voice.pay.findByAccount',
      'voice.pay.account',
      'voice.pay.findWithCard',
      ...states.map(titleKeyOf),
    ]
    for (const key of keys) expect([key, languagesMissing(key)]).toEqual([key, []])
  })
})

describe('the account number', () => {
  it('is the kind’s letter and exactly seven digits', () => {
    const kind = run(initialPayState, { type: 'chooseKind', kind: 'electricity' })
    expect(accountNo(kind)).toBeNull()
    expect(accountNo(run(kind, { type: 'typeDigits', digits: '100000' }))).toBeNull()
    expect(accountNo(run(kind, { type: 'typeDigits', digits: '1000002' }))).toBe('E1000002')
  })

  it('keeps digits only, at most seven', () => {
    const kind = run(initialPayState, { type: 'chooseKind', kind: 'gas' })
    expect(run(kind, { type: 'typeDigits', digits: '12-34 5678 9' }).digits).toBe('1234567')
  })

  it('has a distinct letter per kind', () => {
    const letters = ACCOUNT_KINDS.map((kind) =>
      accountNo(
        run(initialPayState, { type: 'chooseKind', kind }, { type: 'typeDigits', digits: '1234567' }),
      ),
    ).map((no) => no![0])
    expect(new Set(letters).size).toBe(ACCOUNT_KINDS.length)
  })

  it('cannot be typed before a kind is chosen', () => {
    expect(run(initialPayState, { type: 'typeDigits', digits: '1234567' })).toEqual(initialPayState)
  })
})

describe('返回 in the payment', () => {
  it('from the wait goes back to the list, as a new attempt', () => {
    const state = run(waiting(), { type: 'back' })
    expect(stepOf(state)).toBe(2)
    expect(state.payment).toBeNull()
    expect(state.chosen).toEqual(chose().chosen)
    expect(state.attempt).toBe(waiting().attempt + 1)
  })

  it('from the list goes back to finding, keeping the typed account', () => {
    const typed = run(
      initialPayState,
      { type: 'chooseKind', kind: 'water' },
      { type: 'typeDigits', digits: '1000001' },
    )
    const state = run(typed, { type: 'billsFound', bills: [water] }, { type: 'back' })
    expect(stepOf(state)).toBe(1)
    expect(accountNo(state)).toBe('W1000001')
  })

  it('from the keypad goes back to the kinds, then leaves the page', () => {
    const typed = run(
      initialPayState,
      { type: 'chooseKind', kind: 'water' },
      { type: 'typeDigits', digits: '12' },
    )
    expect(exitsOnBack(typed)).toBe(false)
    const kinds = run(typed, { type: 'back' })
    expect(kinds).toEqual(initialPayState)
    expect(exitsOnBack(kinds)).toBe(true)
  })

  it('does nothing on the receipt', () => {
    const paid = run(waiting(), { type: 'paymentUpdated', payment: payment('pay-1', 'paid') })
    expect(run(paid, { type: 'back' })).toBe(paid)
    expect(exitsOnBack(paid)).toBe(false)
  })

  it('keeps the attempt while nothing but a retry happens, so a retried request is not a second charge', () => {
    const retried = run(
      found(),
      { type: 'setChosen', billIds: ['b1'] },
      { type: 'setChosen', billIds: ['b1', 'b2'] },
    )
    expect(retried.attempt).toBe(found().attempt)
    const twice = run(
      waiting(),
      { type: 'back' },
      { type: 'paymentCreated', payment: payment('pay-2', 'pending') },
      {
        type: 'back',
      },
    )
    expect(twice.attempt).toBe(2)
  })
})

describe('waiting for the payment', () => {
  it('polls while pending only', () => {
    expect(isWaiting(waiting())).toBe(true)
    expect(isWaiting(found())).toBe(false)
    const closed = run(waiting(), { type: 'paymentUpdated', payment: payment('pay-1', 'closed') })
    expect([stepOf(closed), isWaiting(closed)]).toEqual([3, false])
  })

  it('ignores an answer that the payment is still pending', () => {
    const state = waiting()
    expect(run(state, { type: 'paymentUpdated', payment: payment('pay-1', 'pending') })).toBe(state)
  })

  it('ignores a late answer about a payment the resident has left', () => {
    const left = run(waiting(), { type: 'back' })
    expect(run(left, { type: 'paymentUpdated', payment: payment('pay-1', 'closed') })).toBe(left)
    const next = run(left, { type: 'paymentCreated', payment: payment('pay-2', 'pending') })
    expect(run(next, { type: 'paymentUpdated', payment: payment('pay-1', 'paid') })).toBe(next)
    expect(run(next, { type: 'qrRendered', paymentId: 'pay-1', qr: 'data:old' }).qr).toBeNull()
    expect(run(next, { type: 'qrRendered', paymentId: 'pay-2', qr: 'data:new' }).qr).toBe('data:new')
  })

  it('does not change the bills once a payment is under way', () => {
    const state = waiting()
    expect(run(state, { type: 'setChosen', billIds: ['b1'] })).toBe(state)
    expect(run(state, { type: 'billsFound', bills: [water] })).toBe(state)
  })
})

describe('the total of the chosen bills', () => {
  const bills = fc
    .uniqueArray(
      fc.record({
        id: fc.stringMatching(/^b[0-9a-z]{1,6}$/),
        amountFen: fc.integer({ min: 1, max: MAX_FEN / 20 }),
        paid: fc.boolean(),
      }),
      { selector: (b) => b.id, maxLength: 20 },
    )
    .map((list) => list.map((b) => bill(b.id, b.amountFen, b.paid ? 'paid' : 'unpaid')))
  const withChoice = bills.chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc.array(fc.oneof(fc.constantFrom('unknown', ...list.map((b) => b.id)), fc.constant('b-gone')), {
        maxLength: 30,
      }),
    ),
  )
  const expected = (list: readonly Bill[], chosen: readonly string[]) =>
    list
      .filter((b) => b.status === 'unpaid' && chosen.includes(b.id))
      .reduce((sum, b) => sum + BigInt(b.amountFen), 0n)

  it('is the exact sum in fen of the chosen unpaid bills, each counted once', () => {
    fc.assert(
      fc.property(withChoice, ([list, chosen]) => {
        const state = run(
          initialPayState,
          { type: 'billsFound', bills: list },
          { type: 'setChosen', billIds: chosen },
        )
        const total = totalFen(state)
        expect(Number.isSafeInteger(total)).toBe(true)
        expect(BigInt(total)).toBe(expected(list, chosen))
        expect(canPay(state)).toBe(total > 0)
        expect(chosenBills(state).every((b) => b.status === 'unpaid')).toBe(true)
      }),
    )
  })

  it('does not depend on the order the bills were ticked', () => {
    fc.assert(
      fc.property(
        withChoice.chain(([list, chosen]) =>
          fc.tuple(
            fc.constant(list),
            fc.constant(chosen),
            fc.shuffledSubarray(chosen, { minLength: chosen.length }),
          ),
        ),
        ([list, chosen, shuffled]) => {
          const found = run(initialPayState, { type: 'billsFound', bills: list })
          expect(totalFen(run(found, { type: 'setChosen', billIds: shuffled }))).toBe(
            totalFen(run(found, { type: 'setChosen', billIds: chosen })),
          )
        },
      ),
    )
  })

  it('starts at nothing, and ticking every unpaid bill gives everything still to pay', () => {
    fc.assert(
      fc.property(bills, (list) => {
        const state = run(initialPayState, { type: 'billsFound', bills: list })
        expect(totalFen(state)).toBe(0)
        const all = run(state, { type: 'setChosen', billIds: list.map((b) => b.id) })
        expect(BigInt(totalFen(all))).toBe(
          expected(
            list,
            list.map((b) => b.id),
          ),
        )
      }),
    )
  })
})
