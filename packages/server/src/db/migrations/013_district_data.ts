import type { Kysely } from 'kysely'

/*
 * A district's own data, kept without SQL (issue 23). Expand only: every column is new and has a
 * default, every table is new, so the release before this one still runs on the upgraded schema.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  // Reference data is retired, never deleted: appointments, requests and bills point at it.
  for (const table of ['providers', 'services', 'grids', 'request_categories']) {
    await db.schema
      .alterTable(table)
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute()
  }

  // Kiosk keys: a one-time enrolment code instead of a key passed around, and a rotated-away key
  // that keeps working for an overlap so the kiosk is never locked out.
  await db.schema.alterTable('devices').addColumn('previous_key_hash', 'text').execute()
  await db.schema.alterTable('devices').addColumn('previous_key_until', 'text').execute()
  await db.schema.alterTable('devices').addColumn('enrol_code_hash', 'text').execute()
  await db.schema.alterTable('devices').addColumn('enrol_until', 'text').execute()
  // With a rotation by code: how long the old key keeps working once the code is used.
  await db.schema.alterTable('devices').addColumn('enrol_overlap_hours', 'integer').execute()

  // Utility companies and clinics that send bills: each with its own key for the push API.
  await db.schema
    .createTable('billers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON array of the bill kinds it sends.
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('previous_key_hash', 'text')
    .addColumn('previous_key_until', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  // A bill's number at its biller: the key that makes an import or a push idempotent.
  await db.schema.alterTable('bills').addColumn('biller_id', 'text').execute()
  await db.schema.alterTable('bills').addColumn('bill_no', 'text').execute()
  await db.schema
    .createIndex('bills_biller_bill_no')
    .on('bills')
    .columns(['biller_id', 'bill_no'])
    .unique()
    .execute()
  await db.schema.alterTable('utility_accounts').addColumn('biller_id', 'text').execute()

  // Every committed import (files and pushes), for the administration screen and reconciliation.
  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('biller_id', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_sha256', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // JSON {rows, created, updated, unchanged, refused}.
    .addColumn('counts', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('import_runs_at').on('import_runs').column('at').execute()
  // Paid bills by day, for the reconciliation report.
  await db.schema.createIndex('bills_paid_at').on('bills').columns(['biller_id', 'paid_at']).execute()
}
