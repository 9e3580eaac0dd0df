import { sql, type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()

  // Failed sign-ins counted per staff number in the database, so the limit holds across instances.
  await db.schema
    .createTable('staff_sign_in_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_no', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('staff_sign_in_attempts_no_at')
    .on('staff_sign_in_attempts')
    .columns(['staff_no', 'at'])
    .execute()

  await db.schema.alterTable('bills').addColumn('paid_by_payment_id', 'text').execute()

  await db.schema
    .createTable('payments')
    // Also the out_trade_no at WeChat Pay (≤ 32 of [0-9A-Za-z_]).
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('pending', 'paid', 'closed', 'refunding', 'refunded')`),
    )
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('payer_openid', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    // The order at the provider: who is creating it (a lease), and what it answered.
    .addColumn('order_requested_at', 'text')
    .addColumn('code_url', 'text')
    .addColumn('prepay_id', 'text')
    .addColumn('last_checked_at', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('paid_amount_fen', 'integer')
    .addColumn('provider_transaction_id', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('close_reason', 'text')
    // Closing at the provider can fail; until it is confirmed the reconciler keeps trying.
    .addColumn('provider_closed_at', 'text')
    .addColumn('cash_received_fen', 'integer')
    .execute()
  await db.schema
    .createIndex('payments_status_expires')
    .on('payments')
    .columns(['status', 'expires_at'])
    .execute()

  await db.schema
    .createTable('payment_bills')
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    // 1 while the payment is pending or has paid the bill: a claim on the bill.
    .addColumn('live', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_bills_pk', ['payment_id', 'bill_id'])
    .execute()
  // One open (or paying) payment per bill, enforced by the database under any race.
  await db.schema
    .createIndex('payment_bills_one_live')
    .on('payment_bills')
    .column('bill_id')
    .unique()
    .where(sql<boolean>`live = 1`)
    .execute()

  await db.schema
    .createTable('payment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute()
  await db.schema
    .createIndex('payment_events_payment')
    .on('payment_events')
    .columns(['payment_id', 'at'])
    .execute()

  await db.schema
    .createTable('refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One refund per payment, always of the whole amount: the out_refund_no at WeChat Pay.
    .addColumn('payment_id', 'text', (c) => c.notNull().unique().references('payments.id'))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('requested', 'processing', 'succeeded', 'failed')`),
    )
    .addColumn('provider_refund_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('payment_idempotency_keys')
    // `resident:<id>`, `kiosk:<id>` or `staff:<id>`: whoever sent the key.
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_idempotency_keys_pk', ['principal', 'key'])
    .execute()
}
