/**
 * The demo speaks: without espeak-ng, `pnpm voice:clips` says in one plain sentence what to install
 * (no stack trace), and `pnpm start` tries to install it or says the same.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../../../..')

describe('voice clips without espeak-ng', () => {
  let bin: string
  beforeAll(() => {
    // A PATH with node and nothing else: no espeak-ng, no sox, no apt-get.
    bin = mkdtempSync(join(tmpdir(), 'no-espeak-'))
    symlinkSync(process.execPath, join(bin, 'node'))
  })
  afterAll(() => rmSync(bin, { recursive: true, force: true }))

  it('pnpm voice:clips prints one sentence saying what to install', () => {
    const result = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), join(root, 'scripts/voice/generate-clips.ts')],
      { cwd: root, env: { PATH: bin, HOME: bin }, encoding: 'utf8', timeout: 60_000 },
    )
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/needs espeak-ng .*apt-get install espeak-ng sox/)
    expect(result.stderr).not.toMatch(/\bat \S+ \(|Error:/)
  })

  it('pnpm start says exactly what to install where it may not install it', () => {
    const result = spawnSync('/bin/bash', [join(root, 'scripts/ensure-voice-tools.sh')], {
      env: { PATH: bin },
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toMatch(/^The kiosk will be silent .*install espeak-ng sox/)
  })
})
