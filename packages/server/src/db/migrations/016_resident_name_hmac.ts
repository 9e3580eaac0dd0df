import { type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  // Issue 19, D7: the name read from an ID card is checked against the one on record, kept as an
  // HMAC like the number. Residents from before get it at their next sign-in with the right name.
  await db.schema.alterTable('residents').addColumn('name_hmac', 'text').execute()
}
