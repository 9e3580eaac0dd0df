import { type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  // A WeChat user (openid in our mini-program) linked to the resident who proved their mobile number.
  await db.schema
    .createTable('wechat_links')
    .addColumn('openid', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('unionid', 'text')
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('wechat_links_resident').on('wechat_links').columns(['resident_id']).execute()

  // A first WeChat sign-in waiting for the mobile number: the openid stays here, the phone gets a token.
  await db.schema
    .createTable('wechat_link_tickets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('openid', 'text', (c) => c.notNull())
    .addColumn('unionid', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute()

  // The WeChat user a session was opened by: JSAPI payments are ordered for them.
  await db.schema.alterTable('sessions').addColumn('wechat_openid', 'text').execute()
}
