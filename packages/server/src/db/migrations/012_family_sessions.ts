import { type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  // 为谁办理: short-lived tokens a family member acts with, under an active family grant.
  await db.schema
    .createTable('family_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('family_grant_id', 'text', (c) => c.notNull().references('family_grants.id'))
    .addColumn('member_resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    // The family member's WeChat when they asked from a WeChat session: the payer of JSAPI orders.
    .addColumn('payer_openid', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('family_sessions_grant')
    .on('family_sessions')
    .columns(['family_grant_id'])
    .execute()
}
