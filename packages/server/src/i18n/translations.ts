/** Setting and listing the translations of the service's names (operator CLI, demo seed). */
import type { Kysely } from 'kysely'
import { SUPPORTED_LANGUAGES } from '@bangban/core/i18n'
import type { Database } from '../db/schema'

export async function setTranslation(
  db: Kysely<Database>,
  entry: { source: string; lang: string; text: string },
): Promise<void> {
  const source = entry.source.trim()
  const text = entry.text.trim()
  if (!source || !text) throw new RangeError('a translation needs the name and its translation')
  if (entry.lang === 'zh-CN' || !(SUPPORTED_LANGUAGES as readonly string[]).includes(entry.lang))
    throw new RangeError(`the language is zh-HK or en, not ${entry.lang}`)
  await db
    .insertInto('name_translations')
    .values({ source, lang: entry.lang, text })
    .onConflict((oc) => oc.columns(['source', 'lang']).doUpdateSet({ text }))
    .execute()
}

export async function listTranslations(
  db: Kysely<Database>,
): Promise<Array<{ source: string; lang: string; text: string }>> {
  return db
    .selectFrom('name_translations')
    .select(['source', 'lang', 'text'])
    .orderBy('source')
    .orderBy('lang')
    .execute()
}
