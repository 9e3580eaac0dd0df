/**
 * Where the audit log's signing key and witness folder are: the settings, or by default beside an
 * SQLite file (or in ./data for PostgreSQL), the key made on first start (mode 0600). A district
 * sets both (docs/deployment.md).
 */
import { dirname, join, resolve } from 'node:path'
import type { Kysely } from 'kysely'
import type { Config } from '../config'
import { engineOf, sqlitePath } from '../db/connect'
import type { Database } from '../db/schema'
import type { AppContext } from '../http/context'
import { leafCache, loadAuditSigner, WITNESS_FILE } from './tree'

export function auditPaths(
  config: Pick<Config, 'DATABASE_URL' | 'BANGBAN_AUDIT_KEY_FILE' | 'BANGBAN_AUDIT_WITNESS_DIR'>,
) {
  const base =
    engineOf(config.DATABASE_URL) === 'sqlite' && sqlitePath(config.DATABASE_URL) !== ':memory:'
      ? dirname(resolve(sqlitePath(config.DATABASE_URL)))
      : resolve('data')
  const witnessDir = config.BANGBAN_AUDIT_WITNESS_DIR ?? join(base, 'audit-witness')
  return {
    keyFile: config.BANGBAN_AUDIT_KEY_FILE ?? join(base, 'audit-signing.key'),
    witnessDir,
    witnessFile: join(witnessDir, WITNESS_FILE),
  }
}

export function auditSigning(config: Config, db: Kysely<Database>): AppContext['audit'] {
  const { keyFile, witnessDir } = auditPaths(config)
  return { signer: loadAuditSigner(keyFile, { create: true }), witnessDir, leaves: leafCache(db) }
}
