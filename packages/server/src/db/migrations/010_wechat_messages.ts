import { type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  // One-time subscribe messages a WeChat user allowed (wx.requestSubscribeMessage): one message each.
  await db.schema
    .createTable('wechat_subscriptions')
    .addColumn('openid', 'text', (c) => c.notNull())
    // appointment | request
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('credits', 'integer', (c) => c.notNull())
    .addColumn('subscribed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wechat_subscriptions_pk', ['openid', 'kind'])
    .execute()
  await db.schema
    .createIndex('wechat_subscriptions_resident')
    .on('wechat_subscriptions')
    .columns(['resident_id', 'kind'])
    .execute()

  // Each message once: claimed by inserting its row (kind, target, event), then sent.
  await db.schema
    .createTable('wechat_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('openid', 'text', (c) => c.notNull())
    // sending | sent | refused | unavailable | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('wechat_messages_once', ['kind', 'target_id', 'event'])
    .execute()
}
