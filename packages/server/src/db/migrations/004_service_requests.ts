import { sql, type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  // Address fragments that place a request in a grid (e.g. a building), matched without spaces.
  await db.schema
    .createTable('grid_areas')
    .addColumn('grid_id', 'text', (c) => c.notNull().references('grids.id'))
    .addColumn('keyword', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grid_areas_pk', ['grid_id', 'keyword'])
    .execute()

  await db.schema
    .createTable('request_counters')
    .addColumn('local_date', 'text', (c) => c.primaryKey())
    .addColumn('last_sequence', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('service_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_no', 'text', (c) => c.notNull().unique())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('request_categories.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('grid_id', 'text', (c) => c.notNull().references('grids.id'))
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status IN ('submitted', 'dispatched', 'accepted', 'in-progress', 'resolved', 'closed')`),
    )
    .addColumn('assignee_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('first_response_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('rating_score', 'integer', (c) => c.check(sql`rating_score BETWEEN 1 AND 5`))
    .addColumn('rating_comment', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('service_requests_resident')
    .on('service_requests')
    .columns(['resident_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('service_requests_assignee')
    .on('service_requests')
    .columns(['assignee_staff_id', 'status'])
    .execute()
  await db.schema
    .createIndex('service_requests_status_due')
    .on('service_requests')
    .columns(['status', 'due_at'])
    .execute()
  await db.schema
    .createIndex('service_requests_created')
    .on('service_requests')
    .column('created_at')
    .execute()

  await db.schema
    .createTable('request_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('service_requests.id'))
    // Order within the request; events of one request are written under its row lock.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('note', 'text')
    .addUniqueConstraint('request_events_request_seq', ['request_id', 'seq'])
    .execute()
}
