/** Entry of `pnpm --filter @bangban/server admin …` (see run.ts). */
import { runAdmin } from './run'

runAdmin(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    console.error('admin failed:', error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
