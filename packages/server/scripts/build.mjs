#!/usr/bin/env node
/**
 * Builds the service for production: src/main.ts and the operator commands, bundled by esbuild into
 * CommonJS under packages/server/dist, run with `node --enable-source-maps dist/main.js` (no
 * TypeScript at start). The workspace packages (@bangban/core, @bangban/shared) are TypeScript
 * source and are bundled in, with what they import; the service's own dependencies
 * (package.json) stay external and load from node_modules, since some carry native code
 * (better-sqlite3), files of their own (@fastify/swagger-ui) or workers (pino). Migrations are
 * imported statically (src/db/migrations/index.ts), so they are in the bundle.
 */
import { rmSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@bangban/'))

rmSync(join(root, 'dist'), { recursive: true, force: true })
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'src/main.ts',
    admin: 'src/admin/cli.ts',
    'audit-verify': 'src/audit/verifyCli.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
  metafile: true,
})
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'))
for (const [file, { bytes }] of outputs) console.log(`${file}  ${(bytes / 1024).toFixed(0)} KiB`)
