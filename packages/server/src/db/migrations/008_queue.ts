import { type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('queue_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('ticket_no', 'text', (c) => c.notNull())
    // waiting | called
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text')
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('called_at', 'text')
    .addColumn('called_by', 'text')
    .addColumn('window_no', 'integer')
    .addUniqueConstraint('queue_tickets_day_sequence', ['local_date', 'sequence'])
    .execute()
  await db.schema
    .createIndex('queue_tickets_waiting')
    .on('queue_tickets')
    .columns(['local_date', 'status', 'sequence'])
    .execute()
  await db.schema.createIndex('queue_tickets_called').on('queue_tickets').columns(['called_at']).execute()
}
