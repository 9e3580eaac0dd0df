import { type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  // Issue 14: a receipt's number an elder can read out over the phone (P261206-0007), not the
  // internal id. One counter per Shanghai day, like request numbers. Payments from before keep none.
  await db.schema
    .createTable('payment_counters')
    .addColumn('local_date', 'text', (c) => c.primaryKey())
    .addColumn('last_sequence', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.alterTable('payments').addColumn('payment_no', 'text').execute()
  await db.schema.createIndex('payments_payment_no').unique().on('payments').column('payment_no').execute()
}
