/** Every migration, in order. Names sort in the order they must run; never edit one that has shipped. */
import type { Migration } from 'kysely'
import type { Engine } from '../engine'
import * as m001 from './001_identity_and_booking'
import * as m002 from './002_people_places_and_bills'
import * as m003 from './003_payments_and_staff_sessions'
import * as m004 from './004_service_requests'
import * as m005 from './005_grid_areas'
import { auditLogMigration } from './006_audit_log'
import * as m007 from './007_consents'
import * as m008 from './008_queue'
import * as m009 from './009_wechat_sign_in'
import * as m010 from './010_wechat_messages'
import * as m011 from './011_family_grants'
import * as m012 from './012_family_sessions'
import * as m013 from './013_district_data'
import * as m014 from './014_delegation_ends'
import { auditTreeMigration } from './015_audit_tree'
import * as m016 from './016_resident_name_hmac'
import * as m017 from './017_name_translations'
import * as m018 from './018_payment_numbers'

/** Every migration for an engine (most are the same on both). */
export const migrationsFor = (engine: Engine): Record<string, Migration> => ({
  '001_identity_and_booking': m001,
  '002_people_places_and_bills': m002,
  '003_payments_and_staff_sessions': m003,
  '004_service_requests': m004,
  '005_grid_areas': m005,
  '006_audit_log': auditLogMigration(engine),
  '007_consents': m007,
  '008_queue': m008,
  '009_wechat_sign_in': m009,
  '010_wechat_messages': m010,
  '011_family_grants': m011,
  '012_family_sessions': m012,
  '013_district_data': m013,
  '014_delegation_ends': m014,
  '015_audit_tree': auditTreeMigration(engine),
  '016_resident_name_hmac': m016,
  '017_name_translations': m017,
  '018_payment_numbers': m018,
})
