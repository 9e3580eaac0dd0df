import { type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('helper_staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    // JSON array of "booking" | "payment" | "request".
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('qr_token_hash', 'text', (c) => c.notNull())
    .addColumn('wrong_codes', 'integer', (c) => c.notNull().defaultTo(0))
    // pending | approved | denied | revoked; "expired" is derived from the times.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('pending_until', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('ended_at', 'text')
    .execute()
  await db.schema
    .createIndex('consents_helper')
    .on('consents')
    .columns(['helper_staff_id', 'requested_at'])
    .execute()
  await db.schema
    .createIndex('consents_resident')
    .on('consents')
    .columns(['resident_id', 'requested_at'])
    .execute()

  await db.schema
    .createTable('delegated_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('consent_id', 'text', (c) => c.notNull().references('consents.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}
