/** Every migration, in order. Names sort in the order they must run; never edit one that has shipped. */
import type { Migration } from 'kysely'
import * as m001 from './001_identity_and_booking'
import * as m002 from './002_people_places_and_bills'

export const migrations: Record<string, Migration> = {
  '001_identity_and_booking': m001,
  '002_people_places_and_bills': m002,
}
