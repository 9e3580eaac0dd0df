/**
 * Scans the Electron shell (packages/kiosk/electron) with @doyensec/electronegativity, offline
 * (the Electron version is given, so it does not look it up), and fails on any finding above LOW.
 * Findings on a line are explained where they occur, in an `eng-disable` comment the scanner
 * reads. Global findings have no line to carry a comment, so they are explained here.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const kiosk = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(kiosk, 'package.json'))
const electronVersion = require('electron/package.json').version

/** Global checks accepted, each with why. */
const ACCEPTED_GLOBAL = {
  // The CSP is not in a <meta> tag or a webRequest hook, which is all the scanner looks for: the
  // app:// protocol handler (electron/protocol/appHandler.ts) sends it with every response, and
  // appProtocol.test.ts asserts it.
  CSP_GLOBAL_CHECK: 'CSP sent by the app:// protocol handler on every response',
}
const ABOVE_LOW = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])

const out = mkdtempSync(join(tmpdir(), 'electronegativity-'))
const csv = join(out, 'findings.csv')
const bin = require.resolve('@doyensec/electronegativity/dist/index.js')
const run = spawnSync(
  process.execPath,
  [bin, '-i', join(kiosk, 'electron'), '-e', electronVersion, '-r', '-v', 'false', '-o', csv],
  { encoding: 'utf8' },
)
let text
try {
  text = readFileSync(csv, 'utf8')
} catch {
  console.error(run.stdout, run.stderr)
  console.error('electronegativity produced no report')
  process.exit(2)
} finally {
  rmSync(out, { recursive: true, force: true })
}

/** One CSV record per line; fields may be quoted. */
function fields(line) {
  return [...line.matchAll(/("([^"]*(?:""[^"]*)*)"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map((m) => (m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]).trim())
}

const findings = text
  .split('\n')
  .slice(1)
  .filter((line) => line.trim())
  .map(fields)
  .map(([issue, severity, confidence, file, location]) => ({ issue, severity, confidence, file, location }))

const accepted = findings.filter((f) => f.issue in ACCEPTED_GLOBAL)
const failing = findings.filter((f) => ABOVE_LOW.has(f.severity) && !(f.issue in ACCEPTED_GLOBAL))
for (const f of accepted) console.log(`accepted ${f.issue}: ${ACCEPTED_GLOBAL[f.issue]}`)
for (const f of findings.filter((f) => !ABOVE_LOW.has(f.severity)))
  console.log(`low: ${f.issue} ${f.file}:${f.location}`)
for (const f of failing) console.error(`${f.severity} ${f.issue} (${f.confidence}) ${f.file}:${f.location}`)
console.log(`electronegativity ${electronVersion}: ${findings.length} findings, ${failing.length} above LOW`)
process.exit(failing.length > 0 ? 1 : 0)
