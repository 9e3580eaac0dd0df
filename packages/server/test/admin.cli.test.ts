/**
 * The operator CLI against real databases: what it provisions works at the service's door (a new
 * helper signs in, a new kiosk's key opens ID-card sign-in), what it withdraws stops working at
 * once (sessions included), refusals change nothing, and every change is in the audit chain.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { verifyChain } from '../src/audit/log'
import { runAdmin } from '../src/admin/run'
import { bearer, describeOnEngines, idNumberFor } from './support/service'

interface Ran {
  readonly status: number
  readonly stdout: string
  readonly stderr: string
}

const collect = () => {
  const stream = new PassThrough()
  let text = ''
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  return { stream, text: () => text }
}

describeOnEngines('operator CLI', (on) => {
  /** Runs a command with `input` as its piped standard input. */
  const admin = async (argv: string[], input = '', env: Record<string, string> = {}): Promise<Ran> => {
    const stdout = collect()
    const stderr = collect()
    const status = await runAdmin(argv, {
      stdin: Readable.from([input]),
      stdout: stdout.stream,
      stderr: stderr.stream,
      env: { DATABASE_URL: on.database.url, USER: 'ops', ...env },
      clock: on.service.clock,
      ...(on.database.schema ? { schema: on.database.schema } : {}),
    })
    return { status, stdout: stdout.text(), stderr: stderr.text() }
  }
  // Each sign-in from its own address: the per-address limit is not what is tested here.
  let signIns = 0
  const staffSignIn = (staffNo: string, password: string) =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/staff/sessions',
      remoteAddress: `198.51.100.${++signIns}`,
      payload: { staffNo, password },
    })
  const idCard = (key: string, n: number) =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/id-card',
      remoteAddress: `203.0.113.${n % 250}`,
      headers: { 'x-kiosk-key': key },
      payload: { name: `居民${n}`, idNumber: idNumberFor(n) },
    })
  const auditOf = (action: string) =>
    on.service.ctx.db
      .selectFrom('audit_log')
      .select(['actor_kind', 'actor_id', 'target', 'subject_id'])
      .where('action', '=', action)
      .execute()

  it('adds a helper who signs in with the password given on standard input, hashed with scrypt', async () => {
    const ran = await admin(
      ['staff:add', '--no', 'h1003', '--name', '孙帮办', '--roles', 'helper,admin'],
      'first-password-1\n',
    )
    expect(ran).toMatchObject({ status: 0, stderr: expect.stringContaining('H1003 added') })
    const row = await on.service.ctx.db
      .selectFrom('staff')
      .selectAll()
      .where('staff_no', '=', 'H1003')
      .executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(row.password_hash).not.toContain('first-password-1')
    expect(JSON.parse(row.roles)).toEqual(['helper', 'admin'])
    const session = await staffSignIn('H1003', 'first-password-1')
    expect(session.statusCode).toBe(201)
    expect(session.json().staff).toMatchObject({
      staffNo: 'H1003',
      name: '孙帮办',
      roles: ['helper', 'admin'],
    })
    expect(await auditOf('staff.added')).toEqual([
      { actor_kind: 'system', actor_id: 'admin-cli:ops', target: 'H1003', subject_id: null },
    ])
  })

  it('refuses a taken number, a short password, an unknown role or grid, and changes nothing', async () => {
    const before = (await verifyChain(on.service.ctx.db)).entries
    const refusals = [
      [['staff:add', '--no', 'H1001', '--name', 'x', '--roles', 'helper'], 'long-enough-pass\n', 'taken'],
      [['staff:add', '--no', 'H1010', '--name', 'x', '--roles', 'helper'], 'short\n', 'password'],
      [['staff:add', '--no', 'H1010', '--name', 'x', '--roles', 'boss'], 'long-enough-pass\n', 'roles'],
      [
        ['staff:add', '--no', 'G2010', '--name', 'x', '--roles', 'grid-worker', '--grid', 'grid-none'],
        'long-enough-pass\n',
        'no grid',
      ],
      [
        ['staff:add', '--no', 'G2010', '--name', 'x', '--roles', 'grid-worker'],
        'long-enough-pass\n',
        'gridId',
      ],
    ] as const
    for (const [argv, input, why] of refusals) {
      const ran = await admin([...argv], input)
      expect({ status: ran.status, says: ran.stderr.includes(why) }).toEqual({ status: 1, says: true })
    }
    expect(
      await on.service.ctx.db
        .selectFrom('staff')
        .select('id')
        .where('staff_no', 'in', ['H1010', 'G2010'])
        .execute(),
    ).toEqual([])
    expect((await verifyChain(on.service.ctx.db)).entries).toBe(before)
  })

  it('disables a member of staff: sessions end at once, the right password no longer signs in', async () => {
    await admin(
      ['staff:add', '--no', 'H1004', '--name', '钱帮办', '--roles', 'helper'],
      'second-password-1\n',
    )
    const token = (await staffSignIn('H1004', 'second-password-1')).json().token as string
    const me = () => on.service.app.inject({ url: '/api/v1/staff/me', headers: bearer(token) })
    expect((await me()).statusCode).toBe(200)

    const ran = await admin(['staff:disable', '--no', 'H1004'])
    expect(ran).toMatchObject({ status: 0, stderr: expect.stringContaining('1 session(s) ended') })
    expect((await me()).statusCode).toBe(401)
    expect((await staffSignIn('H1004', 'second-password-1')).statusCode).toBe(401)
    expect((await admin(['staff:list'])).stdout).toContain('H1004\t钱帮办\thelper\t-\tdisabled')
    expect((await admin(['staff:disable', '--no', 'H1004'])).status).toBe(1)

    // A new password enables the account again; the old one stays refused.
    const reset = await admin(['staff:reset-password', '--no', 'h1004'], 'third-password-1\n')
    expect(reset).toMatchObject({ status: 0, stderr: expect.stringContaining('enabled again') })
    expect((await staffSignIn('H1004', 'second-password-1')).statusCode).toBe(401)
    expect((await staffSignIn('H1004', 'third-password-1')).statusCode).toBe(201)
    expect((await auditOf('staff.disabled')).map((e) => e.target)).toEqual(['H1004'])
    expect((await auditOf('staff.password-reset')).map((e) => e.target)).toEqual(['H1004'])
  })

  it('resets a password: the sessions opened with the old one end', async () => {
    const token = (await staffSignIn('H1004', 'third-password-1')).json().token as string
    expect((await admin(['staff:reset-password', '--no', 'H1004'], 'fourth-password-1\n')).status).toBe(0)
    expect(
      (await on.service.app.inject({ url: '/api/v1/staff/me', headers: bearer(token) })).statusCode,
    ).toBe(401)
  })

  it('asks for the password twice at a terminal, hidden, and refuses two that differ', async () => {
    const terminal = (typed: string) => {
      const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: jest.fn() })
      stdin.end(typed)
      return stdin
    }
    const run = async (typed: string) => {
      const stderr = collect()
      const stdin = terminal(typed)
      const status = await runAdmin(['staff:reset-password', '--no', 'H1003'], {
        stdin,
        stdout: new PassThrough(),
        stderr: stderr.stream,
        env: { DATABASE_URL: on.database.url, USER: 'ops' },
        clock: on.service.clock,
        ...(on.database.schema ? { schema: on.database.schema } : {}),
      })
      return { status, stderr: stderr.text(), rawMode: stdin.setRawMode.mock.calls }
    }
    const differ = await run('terminal-pass-1\rterminal-pass-2\r')
    expect(differ.status).toBe(1)
    expect(differ.stderr).toContain('differ')
    expect(differ.stderr).not.toContain('terminal-pass')
    // Typed with a slip corrected by backspace; raw mode on while typing, off after.
    const same = await run('terminal-pass-x\u007f1\rterminal-pass-1\r')
    expect(same.status).toBe(0)
    expect(same.rawMode).toEqual([[true], [false]])
    expect((await staffSignIn('H1003', 'terminal-pass-1')).statusCode).toBe(201)
  })

  it('adds a kiosk whose key, printed once, opens ID-card sign-in; only its hash is stored', async () => {
    const ran = await admin(['kiosk:add', '--id', 'kiosk-2', '--name', '幸福里 2 号机'])
    expect(ran.status).toBe(0)
    const key = ran.stdout.trim()
    expect(key).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const row = await on.service.ctx.db
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', 'kiosk-2')
      .executeTakeFirstOrThrow()
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(key)
    const signedIn = await idCard(key, 901)
    expect(signedIn.statusCode).toBe(201)
    const session = await on.service.ctx.db
      .selectFrom('sessions')
      .select('device_id')
      .where('resident_id', '=', signedIn.json().resident.id)
      .executeTakeFirstOrThrow()
    expect(session.device_id).toBe('kiosk-2')
    expect((await admin(['kiosk:add', '--id', 'kiosk-2', '--name', 'again'])).status).toBe(1)
    expect((await auditOf('kiosk.added')).filter((e) => e.target === 'kiosk-2')).toEqual([
      { actor_kind: 'system', actor_id: 'admin-cli:ops', target: 'kiosk-2', subject_id: null },
    ])
  })

  it('revokes a kiosk: its key is refused and the sessions opened there end; rotating gives it a new key', async () => {
    const key = (await admin(['kiosk:add', '--id', 'kiosk-3', '--name', '幸福里 3 号机'])).stdout.trim()
    const resident = (await idCard(key, 902)).json().token as string
    const me = () => on.service.app.inject({ url: '/api/v1/me', headers: bearer(resident) })
    expect((await me()).statusCode).toBe(200)

    const revoked = await admin(['kiosk:revoke', '--id', 'kiosk-3'])
    expect(revoked).toMatchObject({ status: 0, stderr: expect.stringContaining('1 session(s) ended') })
    expect((await idCard(key, 903)).json().error.code).toBe('KIOSK_KEY_INVALID')
    expect((await me()).statusCode).toBe(401)
    expect((await admin(['kiosk:list'])).stdout).toMatch(/kiosk-3\t幸福里 3 号机\t[^\t]+\trevoked/)

    const rotated = await admin(['kiosk:rotate', '--id', 'kiosk-3', '--overlap-hours', '0'])
    const newKey = rotated.stdout.trim()
    expect(newKey).not.toBe(key)
    expect((await idCard(newKey, 904)).statusCode).toBe(201)
    expect((await idCard(key, 905)).statusCode).toBe(401)
    expect((await admin(['kiosk:revoke', '--id', 'kiosk-9'])).status).toBe(1)
  })

  it('rotates with an overlap: both keys work until it ends, sessions stay; then only the new one', async () => {
    const key = (await admin(['kiosk:add', '--id', 'kiosk-4', '--name', '4 号机'])).stdout.trim()
    const resident = (await idCard(key, 910)).json().token as string
    const rotated = await admin(['kiosk:rotate', '--id', 'kiosk-4', '--overlap-hours', '2'])
    expect(rotated.stderr).toContain('the old key works until')
    const newKey = rotated.stdout.trim()
    expect((await idCard(key, 911)).statusCode).toBe(201)
    expect((await idCard(newKey, 912)).statusCode).toBe(201)
    expect((await on.service.app.inject({ url: '/api/v1/me', headers: bearer(resident) })).statusCode).toBe(
      200,
    )
    expect((await admin(['kiosk:list'])).stdout).toMatch(/kiosk-4\t4 号机\t[^\t]+\tactive\told key until/)
    on.service.clock.advance(2 * 3600_000 + 1000)
    expect((await idCard(key, 913)).statusCode).toBe(401)
    expect((await idCard(newKey, 914)).statusCode).toBe(201)
  })

  it('enrols a kiosk with a one-time code: the kiosk PC gets the key once; a second use is refused', async () => {
    const added = await admin(['kiosk:add', '--id', 'kiosk-5', '--name', '5 号机', '--enrol'])
    const code = added.stdout.trim()
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    expect((await admin(['kiosk:list'])).stdout).toMatch(/kiosk-5\t5 号机\t[^\t]+\tpending/)
    const enrol = (c: string) =>
      on.service.app.inject({ method: 'POST', url: '/api/v1/kiosk-enrolment', payload: { code: c } })
    const first = await enrol(code.toLowerCase())
    expect(first.statusCode).toBe(201)
    expect(first.json()).toEqual({ kioskId: 'kiosk-5', key: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) })
    expect((await idCard(first.json().key, 920)).statusCode).toBe(201)
    const again = await enrol(code)
    expect({ status: again.statusCode, code: again.json().error.code }).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    })
    expect(again.json().error.message).toContain('登记码')
    expect(await auditOf('kiosk.enrolled')).toEqual([
      { actor_kind: 'system', actor_id: 'kiosk:kiosk-5', target: 'kiosk-5', subject_id: null },
    ])
  })

  it('adds a biller whose key is printed once, rotates and revokes it', async () => {
    const added = await admin(['biller:add', '--id', 'water-co', '--name', '自来水公司', '--kinds', 'water'])
    expect(added.status).toBe(0)
    expect(added.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect((await admin(['biller:list'])).stdout).toContain('water-co\t自来水公司\twater\tactive')
    expect((await admin(['biller:rotate', '--id', 'water-co', '--overlap-hours', '0'])).status).toBe(0)
    expect((await admin(['biller:revoke', '--id', 'water-co'])).status).toBe(0)
    expect((await admin(['biller:list'])).stdout).toContain('water-co\t自来水公司\twater\trevoked')
    const bad = await admin(['biller:add', '--id', 'gas-co', '--name', 'x', '--kinds', 'beer'])
    expect(bad).toMatchObject({ status: 1, stderr: expect.stringContaining('kinds') })
  })

  it('refuses without a database named, instead of making a fresh SQLite file here', async () => {
    const stdout = collect()
    const stderr = collect()
    const status = await runAdmin(['staff:list'], {
      stdin: Readable.from(['']),
      stdout: stdout.stream,
      stderr: stderr.stream,
      env: { USER: 'ops' },
    })
    expect(status).toBe(2)
    expect(stderr.text()).toContain('--env-file')
    expect(stdout.text()).toBe('')
  })

  it('reads --env-file as systemd does: the service file gives the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bangban-env-'))
    const file = join(dir, 'service.env')
    const url = on.database.url
    writeFileSync(file, `# the service's settings\nDATABASE_URL="${url}"\nLOG_LEVEL=warn\n`)
    const ran = await admin(['--env-file', file, 'staff:list'], '', { DATABASE_URL: '' })
    expect(ran).toMatchObject({ status: 0, stdout: expect.stringContaining('H1001') })
    const missing = await admin(['--env-file', join(dir, 'nope.env'), 'staff:list'], '', { DATABASE_URL: '' })
    expect(missing).toMatchObject({ status: 2, stderr: expect.stringContaining('ENOENT') })
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports a file, dry run first; a refused row makes the status 1; the report is CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bangban-import-'))
    const file = join(dir, 'accounts.csv')
    writeFileSync(
      file,
      'account_no,kind,holder_name,address\nW5000001,water,周五,幸福里小区 9 号楼\nW50,water,x,y\n',
    )
    const dry = await admin(['import:accounts', '--biller', 'xfl-utilities', '--file', file, '--dry-run'])
    expect(dry.status).toBe(1)
    expect(dry.stdout).toContain('row 2\tcreated\tW5000001')
    expect(dry.stdout).toContain('row 3\trefused\t')
    expect(dry.stderr).toContain(
      'dry run, nothing changed: 2 read, 1 created, 0 updated, 0 unchanged, 1 refused',
    )
    writeFileSync(file, 'account_no,kind,holder_name,address\nW5000001,water,周五,幸福里小区 9 号楼\n')
    const real = await admin(['import:accounts', '--biller', 'xfl-utilities', '--file', file])
    expect(real).toMatchObject({ status: 0, stderr: expect.stringContaining('1 created') })
    const report = await admin(['report:reconciliation', '--biller', 'xfl-utilities', '--date', '2026-12-01'])
    expect(report.stdout.split('\r\n')[0]).toMatch(/^date,biller_id,bill_no/)
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps the audit chain whole through every change', async () => {
    const { problem, entries } = await verifyChain(on.service.ctx.db)
    expect(problem).toBeNull()
    expect(entries).toBeGreaterThan(0)
  })

  it('explains its usage for a wrong command or option, with status 2', async () => {
    for (const argv of [[], ['staff:remove'], ['kiosk:add', '--id', 'k'], ['staff:list', '--no', 'H1001']]) {
      const ran = await admin(argv)
      expect(ran.status).toBe(2)
      expect(ran.stderr).toContain('Usage:')
    }
  })
})
