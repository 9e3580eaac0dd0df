import fc from 'fast-check'
import { CreateServiceRequest } from '@bangban/core/api/requests'
import {
  MAX_ADDRESS,
  MAX_DESCRIPTION,
  MAX_TYPED,
  REQUEST_STEPS,
  canContinue,
  descriptionOf,
  descriptionProblem,
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
  type RequestAction,
  type RequestState,
} from '../../src/screens/request/flow'
import { category, languagesMissing, serviceRequest } from './fixtures'

const run = (state: RequestState, ...actions: RequestAction[]) => actions.reduce(requestReducer, state)
const repair = category('cat-repair', 'repair')
const complaint = category('cat-complaint', 'complaint')

const atDescribe = () => run(initialRequestState, { type: 'chooseCategory', category: repair })
const atWhere = () =>
  run(
    atDescribe(),
    { type: 'togglePhrase', phrase: 'Leaking pipe' },
    { type: 'type', text: ' kitchen ' },
    {
      type: 'described',
    },
  )
const atConfirm = () =>
  run(
    atWhere(),
    { type: 'chooseGrid', gridId: 'grid-1' },
    { type: 'typePhone', phone: '13800138000' },
    {
      type: 'located',
    },
  )

describe('request steps', () => {
  it('goes category → describe → where → confirm → sent', () => {
    const states = [
      initialRequestState,
      atDescribe(),
      atWhere(),
      atConfirm(),
      run(atConfirm(), { type: 'submitted', request: serviceRequest() }),
    ]
    expect(states.map(stepOf)).toEqual([1, 2, 3, 4, 5])
    expect(REQUEST_STEPS).toBeLessThanOrEqual(4)
  })

  it('names a title and a prompt for every step, present in every language', () => {
    const states = [
      initialRequestState,
      atDescribe(),
      atWhere(),
      atConfirm(),
      run(atConfirm(), { type: 'submitted', request: serviceRequest() }),
    ]
    const keys = states.flatMap((s) => [titleKeyOf(s), promptKeyOf(s)])
    expect(new Set(keys).size).toBe(keys.length)
    for (const key of keys) expect([key, languagesMissing(key)]).toEqual([key, []])
  })

  it('will not describe nothing', () => {
    const state = atDescribe()
    expect(canContinue(state)).toBe(false)
    expect(run(state, { type: 'described' })).toBe(state)
    expect(run(state, { type: 'type', text: '   ' }, { type: 'described' }).described).toBe(false)
  })

  it('describes with phrases alone, typed words alone, or both', () => {
    const phrase = run(atDescribe(), { type: 'togglePhrase', phrase: 'Lights out' }, { type: 'described' })
    const typed = run(atDescribe(), { type: 'type', text: 'Door lock broken' }, { type: 'described' })
    expect([stepOf(phrase), stepOf(typed)]).toEqual([3, 3])
    expect(descriptionOf(atWhere())).toBe('Leaking pipe, kitchen')
    expect(descriptionOf({ phrases: ['灯不亮'], typed: '3号楼东侧' })).toBe('灯不亮，3号楼东侧')
  })

  it('untoggles a phrase on a second press and keeps the order of picking', () => {
    const state = run(
      atDescribe(),
      { type: 'togglePhrase', phrase: 'b' },
      { type: 'togglePhrase', phrase: 'a' },
      { type: 'togglePhrase', phrase: 'c' },
      { type: 'togglePhrase', phrase: 'a' },
    )
    expect(state.phrases).toEqual(['b', 'c'])
  })

  it('asks for a place and a valid mobile number before moving on', () => {
    const noPlace = run(atWhere(), { type: 'typePhone', phone: '13800138000' }, { type: 'located' })
    expect(stepOf(noPlace)).toBe(3)
    const badPhone = run(
      atWhere(),
      { type: 'chooseGrid', gridId: 'grid-1' },
      { type: 'typePhone', phone: '1380013800' },
    )
    expect(canContinue(badPhone)).toBe(false)
    expect(stepOf(run(badPhone, { type: 'located' }))).toBe(3)
    const byAddress = run(
      atWhere(),
      { type: 'typeAddress', text: 'Building 3, room 201' },
      { type: 'typePhone', phone: '13800138000' },
      { type: 'located' },
    )
    expect(stepOf(byAddress)).toBe(4)
  })

  it('offers the number of the latest earlier request (上次留的电话) instead of eleven digits', () => {
    expect(earlierContactOf(null)).toBeNull()
    const older = serviceRequest({ id: 'req-1', createdAt: '2026-11-01T02:00:00.000Z' })
    const newer = serviceRequest({
      id: 'req-2',
      createdAt: '2026-11-20T02:00:00.000Z',
      maskedContactPhone: '139****9000',
    })
    const erased = serviceRequest({
      id: 'req-3',
      createdAt: '2026-11-25T02:00:00.000Z',
      maskedContactPhone: null,
    })
    const contact = earlierContactOf([older, erased, newer])
    expect(contact).toEqual({ requestId: 'req-2', maskedPhone: '139****9000' })

    const reused = run(
      atWhere(),
      { type: 'chooseGrid', gridId: 'grid-1' },
      { type: 'reusePhone', contact: contact! },
    )
    expect(canContinue(reused)).toBe(true)
    const confirmed = run(reused, { type: 'located' })
    expect(stepOf(confirmed)).toBe(4)
    const body = submissionOf(confirmed)!
    expect(body).toMatchObject({ contactFrom: 'req-2' })
    expect(body).not.toHaveProperty('contactPhone')
    expect(CreateServiceRequest.safeParse(body).success).toBe(true)
    // Offered already ticked when the resident moves on from describing, unless they typed a number.
    const offered = run(
      atDescribe(),
      { type: 'togglePhrase', phrase: 'Leaking pipe' },
      { type: 'described', contact },
    )
    expect(offered.reuse).toEqual(contact)
    expect(
      run(atDescribe(), { type: 'togglePhrase', phrase: 'Leaking pipe' }, { type: 'described' }).reuse,
    ).toBeNull()
    // A second press lets it go; keying digits lets it go too.
    expect(run(reused, { type: 'reusePhone', contact: contact! }).reuse).toBeNull()
    const typed = run(reused, { type: 'typePhone', phone: '1' })
    expect(typed.reuse).toBeNull()
    expect(canContinue(typed)).toBe(false)
  })

  it('takes each step’s input on that step only', () => {
    const confirm = atConfirm()
    for (const action of [
      { type: 'chooseCategory', category: complaint },
      { type: 'togglePhrase', phrase: 'Noise' },
      { type: 'type', text: 'changed' },
      { type: 'typePhone', phone: '13900139000' },
      { type: 'typeAddress', text: 'elsewhere' },
      { type: 'chooseGrid', gridId: 'grid-2' },
    ] as const) {
      expect(requestReducer(confirm, action)).toBe(confirm)
    }
    expect(run(initialRequestState, { type: 'submitted', request: serviceRequest() }).result).toBeNull()
  })
})

describe('返回 in the request', () => {
  it('undoes one step at a time and keeps what was typed', () => {
    const where = run(atConfirm(), { type: 'back' })
    expect(stepOf(where)).toBe(3)
    expect(where).toMatchObject({ gridId: 'grid-1', phone: '13800138000' })
    const describe = run(where, { type: 'back' })
    expect(stepOf(describe)).toBe(2)
    expect(descriptionOf(describe)).toBe('Leaking pipe, kitchen')
    const categories = run(describe, { type: 'back' })
    expect(stepOf(categories)).toBe(1)
    expect(categories.typed).toBe(' kitchen ')
    expect([atConfirm(), where, describe].map(exitsOnBack)).toEqual([false, false, false])
    expect(exitsOnBack(categories)).toBe(true)
    expect(run(categories, { type: 'back' })).toBe(categories)
  })

  it('does not send the phrases of a category the resident went back from', () => {
    const other = run(
      atWhere(),
      { type: 'back' },
      { type: 'back' },
      { type: 'chooseCategory', category: complaint },
    )
    expect(other.phrases).toEqual([])
    expect(descriptionOf(other)).toBe('kitchen')
  })

  it('does nothing once sent', () => {
    const sent = run(atConfirm(), { type: 'submitted', request: serviceRequest() })
    expect(run(sent, { type: 'back' })).toBe(sent)
    expect(exitsOnBack(sent)).toBe(false)
  })
})

describe('request validation', () => {
  it.each([
    ['nothing', 'empty', ''],
    ['spaces only', 'empty', '   '],
    ['one character', null, 'x'],
    ['exactly the limit', null, '水'.repeat(MAX_DESCRIPTION)],
    ['one over the limit', 'tooLong', '水'.repeat(MAX_DESCRIPTION + 1)],
  ])('a description of %s: %p', (_label, problem, text) => {
    expect(descriptionProblem(text)).toBe(problem)
  })

  it('uses the service’s own limits', () => {
    const base = { categoryId: 'c1', contactPhone: '13800138000', gridId: 'g1' }
    expect(
      CreateServiceRequest.safeParse({ ...base, description: 'x'.repeat(MAX_DESCRIPTION) }).success,
    ).toBe(true)
    expect(
      CreateServiceRequest.safeParse({ ...base, description: 'x'.repeat(MAX_DESCRIPTION + 1) }).success,
    ).toBe(false)
    expect(
      CreateServiceRequest.safeParse({ ...base, description: 'x', address: 'a'.repeat(MAX_ADDRESS + 1) })
        .success,
    ).toBe(false)
    expect(MAX_TYPED).toBeLessThan(MAX_DESCRIPTION)
  })

  it('blocks a description made too long by phrases and typing together', () => {
    const long = run(
      atDescribe(),
      { type: 'togglePhrase', phrase: 'p'.repeat(600) },
      { type: 'type', text: 't'.repeat(500) },
    )
    expect(descriptionProblem(descriptionOf(long))).toBe('tooLong')
    expect(stepOf(run(long, { type: 'described' }))).toBe(2)
  })

  it.each([
    ['', 'empty'],
    ['1380013800', 'invalid'],
    ['138001380001', 'invalid'],
    ['12800138000', 'invalid'],
    ['02168001234', 'invalid'],
    ['13800138000', null],
    ['19912345678', null],
    ['+86 138-0013-8000', null],
  ])('phone %j: %s', (phone, problem) => {
    expect(phoneProblem(phone)).toBe(problem)
  })

  it.each([
    ['neither grid nor address', 'missing', null, ''],
    ['a blank address', 'missing', null, '   '],
    ['a grid', null, 'grid-1', ''],
    ['an address', null, null, 'Building 3'],
    ['an address over the limit', 'tooLong', 'grid-1', 'a'.repeat(MAX_ADDRESS + 1)],
  ])('a place with %s: %p', (_label, problem, gridId, address) => {
    expect(placeProblem(gridId, address)).toBe(problem)
  })
})

describe('what is sent', () => {
  it('is normalised: trimmed address, mobile without +86, no empty address', () => {
    const state = run(
      atWhere(),
      { type: 'typeAddress', text: '  Building 3  ' },
      { type: 'typePhone', phone: '+86 138 0013 8000' },
      { type: 'located' },
    )
    expect(submissionOf(state)).toEqual({
      categoryId: 'cat-repair',
      description: 'Leaking pipe, kitchen',
      contactPhone: '13800138000',
      address: 'Building 3',
    })
    expect(submissionOf(atConfirm())).not.toHaveProperty('address')
    expect(placeText(state, 'Grid 1')).toBe('Grid 1 Building 3')
    expect(placeText(atConfirm(), 'Grid 1')).toBe('Grid 1')
  })

  it('is nothing before the confirm step', () => {
    expect([initialRequestState, atDescribe(), atWhere()].map(submissionOf)).toEqual([null, null, null])
  })

  it('is always accepted by the contract once the confirm step is reached', () => {
    const input = fc.record({
      phrases: fc.array(fc.constantFrom('Leaking pipe', 'Lights out', '噪音太大'), { maxLength: 3 }),
      typed: fc.string({ maxLength: MAX_TYPED }),
      gridId: fc.option(fc.constantFrom('grid-1', 'grid-2')),
      address: fc.string({ maxLength: MAX_ADDRESS + 5 }),
      phone: fc.oneof(fc.stringMatching(/^1[3-9]\d{9}$/), fc.stringMatching(/^\d{0,12}$/)),
    })
    fc.assert(
      fc.property(input, (i) => {
        const state = run(
          atDescribe(),
          ...i.phrases.map((phrase) => ({ type: 'togglePhrase' as const, phrase })),
          { type: 'type', text: i.typed },
          { type: 'described' },
          ...(i.gridId ? [{ type: 'chooseGrid' as const, gridId: i.gridId }] : []),
          { type: 'typeAddress', text: i.address },
          { type: 'typePhone', phone: i.phone },
          { type: 'located' },
        )
        const body = submissionOf(state)
        expect(body !== null).toBe(stepOf(state) === 4)
        if (body) expect(CreateServiceRequest.safeParse(body).success).toBe(true)
      }),
    )
  })
})
