import { type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  // What a delegation hangs on, so it ends with it (issue 19, D2): the helper's staff session that
  // asked for a grant and the one a delegated token was issued to, and the kiosk where the
  // resident approved. Rows from before have none: they are checked against the helper alone.
  await db.schema.alterTable('consents').addColumn('staff_session_hash', 'text').execute()
  await db.schema.alterTable('consents').addColumn('approved_device_id', 'text').execute()
  await db.schema.alterTable('delegated_sessions').addColumn('staff_session_hash', 'text').execute()
  await db.schema
    .createIndex('consents_staff_session')
    .on('consents')
    .columns(['staff_session_hash'])
    .execute()
  await db.schema
    .createIndex('delegated_sessions_staff_session')
    .on('delegated_sessions')
    .columns(['staff_session_hash'])
    .execute()
  await db.schema
    .createIndex('consents_approved_device')
    .on('consents')
    .columns(['approved_device_id'])
    .execute()
}
