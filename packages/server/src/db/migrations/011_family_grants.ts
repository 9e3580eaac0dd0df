import { type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  // 亲友代办: a family member (a resident record of their own) may act for a resident who agreed.
  await db.schema
    .createTable('family_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    // JSON array of "booking" | "payment" | "request".
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('qr_token_hash', 'text', (c) => c.notNull())
    // pending | active | denied | revoked; "expired" is derived from the times.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('pending_until', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'text')
    .execute()
  await db.schema
    .createIndex('family_grants_member')
    .on('family_grants')
    .columns(['member_resident_id'])
    .execute()
  await db.schema.createIndex('family_grants_resident').on('family_grants').columns(['resident_id']).execute()
}
