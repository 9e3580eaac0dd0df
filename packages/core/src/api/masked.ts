/**
 * Fields that carry a person's ID number or phone number, and how much of it a response may show.
 * Every such field in a response uses one of these schemas; the service's masking test walks
 * every route's response schema and refuses any other field that could hold one.
 */
import { z } from 'zod'

export type PersonalNumberKind = 'id-number' | 'phone'

export interface PersonalNumberMeta {
  readonly kind: PersonalNumberKind
  /**
   * `masked`: the value is checked to be masked whenever it is sent. `full-to-assignee`: a number
   * the assigned worker must ring, in full for them and masked for anyone else; never on a route a
   * helper can call.
   */
  readonly shown: 'masked' | 'full-to-assignee'
}

/** The schemas below, with what they carry. */
export const personalNumbers = z.registry<PersonalNumberMeta>()

/**
 * Masked as `maskIdNumber` and `maskPhone` do it: at most 3 characters before the stars and 4
 * after (110***********002X, 138****5678), never enough to make up a whole number.
 */
export const MASKED_PATTERN = /^[^*]{0,3}\*+[^*]{0,4}$/

export const MaskedIdNumber = z
  .string()
  .regex(MASKED_PATTERN)
  .describe('An ID number, masked: 110***********002X')
  .register(personalNumbers, { kind: 'id-number', shown: 'masked' })

export const MaskedPhone = z
  .string()
  .regex(MASKED_PATTERN)
  .describe('A phone number, masked: 138****5678')
  .register(personalNumbers, { kind: 'phone', shown: 'masked' })

export const AssigneeContactPhone = z
  .string()
  .describe('The call-back number: in full for the assigned grid worker, masked for anyone else')
  .register(personalNumbers, { kind: 'phone', shown: 'full-to-assignee' })
