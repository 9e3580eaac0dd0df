import { type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  // What a grid covers, in words residents recognise, so they can say where a problem is.
  await db.schema
    .alterTable('grids')
    .addColumn('area', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
}
