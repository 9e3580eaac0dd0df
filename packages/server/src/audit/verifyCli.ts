/**
 * `pnpm --filter @bangban/server audit:verify [--env-file FILE] [--witness FILE]`: walks the audit
 * chain of the service's database and exits non-zero naming the first broken entry, or when the
 * append-only triggers are gone. Without --env-file or DATABASE_URL it refuses (exit 1) rather
 * than create and check a fresh SQLite file.
 */
import { loadConfig } from '../config'
import { operatorEnvironment } from '../ops/envFile'
import { connect, migrate } from '../db/connect'
import { APPEND_ONLY_GUARDS, appendOnlyGuards, verifyChain } from './log'
import { auditPaths } from './setup'
import { loadAuditSigner, readWitness, verifyHeads } from './tree'

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const at = argv.findIndex((a) => a === '--env-file' || a.startsWith('--env-file='))
  const envFile =
    at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.slice('--env-file='.length) : argv[at + 1]
  if (at >= 0 && !envFile) throw new Error('--env-file needs a file')
  const config = loadConfig(operatorEnvironment(process.env, envFile))
  const store = connect(config.DATABASE_URL)
  try {
    await migrate(store)
    const { entries, problem } = await verifyChain(store.db)
    if (problem) {
      console.error(
        `audit chain BROKEN at entry ${problem.seq} (${problem.problem}); ${entries} entries before it verify`,
      )
      process.exitCode = 2
    } else {
      console.warn(`audit chain OK: ${entries} entries verify`)
    }
    // Signed heads: each signature, each root against the entries, consistency between heads, and
    // the heads this instance witnessed (or --witness FILE) not ahead of the log.
    const paths = auditPaths(config)
    const witnessArg = process.argv.indexOf('--witness')
    const witnessFile = witnessArg > 0 ? process.argv[witnessArg + 1]! : paths.witnessFile
    const signer = loadAuditSigner(paths.keyFile, { create: false })
    const heads = await verifyHeads(store.db, signer.publicKey, readWitness(witnessFile))
    for (const problem of heads.problems) {
      console.error(`audit tree head PROBLEM: ${JSON.stringify(problem)}`)
      process.exitCode = 2
    }
    if (heads.problems.length === 0)
      console.warn(
        `audit tree heads OK: ${heads.heads} signed heads (key ${signer.keyId}) verify and are consistent`,
      )
    // A chain that verifies today can still be rewritten tomorrow once the guard is gone.
    const present = await appendOnlyGuards(store.db, store.engine)
    const missing = APPEND_ONLY_GUARDS[store.engine].filter((name) => !present.includes(name))
    if (missing.length > 0) {
      console.error(`audit_log is NOT append-only: trigger ${missing.join(', ')} missing`)
      process.exitCode = 2
    }
  } finally {
    await store.close()
  }
}

main().catch((error: unknown) => {
  console.error('audit:verify failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
