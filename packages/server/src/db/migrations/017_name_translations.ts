import { type Kysely } from 'kysely'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
export async function up(db: Kysely<any>): Promise<void> {
  // Issue 16: the names the service holds in zh-CN (places, services, categories, grids, bill lines),
  // in other languages. A source may hold {n} for a number that is carried over (用水 {n} 吨).
  await db.schema
    .createTable('name_translations')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('name_translations_pk', ['source', 'lang'])
    .execute()
}
