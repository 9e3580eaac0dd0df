import { sql, type Kysely } from 'kysely'

// Migrations take Kysely<any>: they describe the schema as it was at that version, not as it is now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('residents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_hmac', 'text', (c) => c.unique())
    .addColumn('id_number_masked', 'text')
    .addColumn('phone', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.references('devices.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()

  await db.schema
    .createTable('phone_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used_at', 'text')
    .execute()
  await db.schema
    .createIndex('phone_codes_phone_created')
    .on('phone_codes')
    .columns(['phone', 'created_at'])
    .execute()

  await db.schema
    .createTable('providers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ticket_prefix', 'text', (c) => c.notNull())
    .addColumn('slot_times', 'text', (c) => c.notNull())
    .addColumn('open_weekdays', 'text', (c) => c.notNull())
    .addColumn('capacity_per_slot', 'integer', (c) => c.notNull())
    .addColumn('days_ahead', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await db.schema
    .createTable('slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    // The database itself refuses a negative count: the last line of defence against overbooking.
    .addColumn('remaining', 'integer', (c) =>
      c.notNull().check(sql`remaining >= 0 AND remaining <= capacity`),
    )
    .addUniqueConstraint('slots_service_start', ['service_id', 'starts_at'])
    .execute()
  await db.schema
    .createIndex('slots_service_date')
    .on('slots')
    .columns(['service_id', 'local_date'])
    .execute()

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('slot_id', 'text', (c) => c.notNull().references('slots.id'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('ticket_no', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute()
  // One live booking per resident, service and day, enforced by the database under any race.
  await db.schema
    .createIndex('appointments_one_per_day')
    .on('appointments')
    .columns(['resident_id', 'service_id', 'local_date'])
    .unique()
    .where(sql<boolean>`status = 'booked'`)
    .execute()
  await db.schema.createIndex('appointments_resident').on('appointments').column('resident_id').execute()
  await db.schema.createIndex('appointments_slot').on('appointments').column('slot_id').execute()

  await db.schema
    .createTable('ticket_counters')
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('last_sequence', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_counters_pk', ['service_id', 'local_date'])
    .execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('result_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['resident_id', 'key'])
    .execute()
}
