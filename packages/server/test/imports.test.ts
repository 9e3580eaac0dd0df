/**
 * Imports of accounts and bills from CSV and Excel, a biller's push API and the reconciliation
 * report, on both engines: a dry run changes nothing and says row by row what is wrong in plain
 * words; the same file twice changes nothing the second time; a paid bill is never changed; the
 * demo data itself is an import of the committed files.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { verifyChain } from '../src/audit/log'
import { DEMO_FILES, demoFixturesDir } from '../src/seed/demo'
import { bearer, describeOnEngines, staffToken } from './support/service'

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64')

describeOnEngines('imports and the biller API', (on) => {
  let admin: string
  let billerKey: string
  beforeAll(async () => {
    admin = await staffToken(on.service, 'A0001')
    const added = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/admin/billers',
      headers: bearer(admin),
      payload: { id: 'hpl-water', name: '和平里供水所', kinds: ['water'] },
    })
    expect(added.statusCode).toBe(201)
    billerKey = added.json().key
  })
  const importing = (payload: object, language = 'zh-CN') =>
    on.service.app.inject({
      method: 'POST',
      url: '/api/v1/admin/imports',
      headers: { ...bearer(admin), 'accept-language': language },
      payload,
    })
  const bills = (billerId: string) =>
    on.service.ctx.db
      .selectFrom('bills')
      .select(['id', 'bill_no', 'amount_fen', 'status', 'period', 'lines'])
      .where('biller_id', '=', billerId)
      .orderBy('bill_no')
      .execute()

  it('made the demo bills by importing the committed CSV and Excel files', async () => {
    const demo = await bills('xfl-utilities')
    expect(demo.map((b) => [b.id, b.amount_fen])).toEqual([
      ['bill-e2000001-1', 12840],
      ['bill-g3000001-1', 4500],
      ['bill-p4000001-1', 36000],
      ['bill-w1000001-1', 3650],
      ['bill-w1000002-1', 2190],
    ])
    expect((await bills('xfl-health')).map((b) => b.id)).toEqual(['bill-med-1', 'bill-med-2'])
    // Each committed file reads without a problem, and again changes nothing.
    for (const demo of DEMO_FILES) {
      const res = await importing({
        kind: demo.kind,
        billerId: demo.billerId,
        fileName: demo.file,
        format: demo.format,
        content: readFileSync(join(demoFixturesDir(), demo.file)).toString('base64'),
        dryRun: true,
      })
      expect({ file: demo.file, counts: res.json().counts, problems: res.json().problems }).toMatchObject({
        file: demo.file,
        counts: { created: 0, updated: 0, refused: 0 },
        problems: [],
      })
    }
  })

  it('imports accounts from a GBK CSV as Excel saves it on a Chinese Windows', async () => {
    const content = readFileSync(join(__dirname, '../fixtures/samples/accounts-gbk.csv')).toString('base64')
    const res = await importing({
      kind: 'accounts',
      billerId: 'hpl-water',
      fileName: 'accounts-gbk.csv',
      format: 'csv',
      content,
      dryRun: false,
    })
    expect(res.json()).toMatchObject({ counts: { created: 1, refused: 0 }, problems: [] })
    const account = await on.service.ctx.db
      .selectFrom('utility_accounts')
      .selectAll()
      .where('account_no', '=', 'W3000001')
      .executeTakeFirstOrThrow()
    expect(account).toMatchObject({
      holder_name: '张三',
      address: '和平里小区 1 号楼 101 室',
      biller_id: 'hpl-water',
    })
  })

  const BILLS = [
    '账单号,户号,账期,缴费截止日,收费项目,金额（元）',
    'HP-1,W3000001,2026-11,2026/12/28,用水 8 吨,22.40',
    'HP-1,W3000001,2026-11,2026/12/28,污水处理费,6.80',
    'HP-2,W3000001,2026年10月,2026-11-28,用水 7 吨,19.60',
    'HP-3,W9999999,2026-11,2026-12-28,用水 1 吨,2.80',
    'HP-4,W3000001,2026-13,2026-12-28,用水 1 吨,2.8.0',
    ',W3000001,2026-11,2026-12-28,用水,1',
  ].join('\n')

  it('dry-runs a bills file: what would change, and each refused row in plain words', async () => {
    const before = (await verifyChain(on.service.ctx.db)).entries
    const res = await importing({
      kind: 'bills',
      billerId: 'hpl-water',
      fileName: 'bills.csv',
      format: 'csv',
      content: csv(BILLS),
      dryRun: true,
    })
    expect(res.statusCode).toBe(200)
    const report = res.json()
    expect(report).toMatchObject({ id: null, dryRun: true, counts: { rows: 5, created: 2, refused: 3 } })
    expect(report.changes).toEqual([
      { row: 2, key: 'HP-1', outcome: 'created', summary: 'W3000001 · 2026-11 · ¥29.20' },
      { row: 4, key: 'HP-2', outcome: 'created', summary: 'W3000001 · 2026-10 · ¥19.60' },
    ])
    expect(report.problems.map((p: { row: number; message: string }) => [p.row, p.message])).toEqual([
      [5, '账单 HP-3 的户号 W9999999 还没有登记：请先导入户号。'],
      [6, '“账期”里的“2026-13”不是年月（如 2026-11）或日期。'],
      [6, '“金额（元）”里的“2.8.0”不是金额：以元为单位，大于 0，最多两位小数。'],
      [6, '账单 HP-4 没有导入，原因见它各行的说明。'],
      [7, '“账单号”没有填写。'],
    ])
    expect(await bills('hpl-water')).toEqual([])
    expect((await verifyChain(on.service.ctx.db)).entries).toBe(before)
  })

  it('commits the good rows, audited once; the same file again changes nothing', async () => {
    const payload = {
      kind: 'bills',
      billerId: 'hpl-water',
      fileName: 'bills.csv',
      format: 'csv',
      content: csv(BILLS),
      dryRun: false,
    }
    const first = (await importing(payload, 'en')).json()
    expect(first).toMatchObject({ id: expect.stringMatching(/^imp_/), counts: { created: 2, refused: 3 } })
    expect(first.problems[0].message).toBe(
      'The account W9999999 of bill HP-3 is not registered: import the accounts first.',
    )
    expect((await bills('hpl-water')).map((b) => [b.id, b.amount_fen, b.period])).toEqual([
      ['bill-hp-1', 2920, '2026-11'],
      ['bill-hp-2', 1960, '2026-10'],
    ])
    const second = (await importing(payload)).json()
    expect(second).toMatchObject({ id: null, counts: { created: 0, updated: 0, unchanged: 2, refused: 3 } })
    const audit = await on.service.ctx.db
      .selectFrom('audit_log')
      .select(['actor_kind', 'actor_id', 'target'])
      .where('action', '=', 'import.bills')
      .where('target', 'like', '%biller=hpl-water%')
      .execute()
    expect(audit).toEqual([
      {
        actor_kind: 'staff',
        actor_id: 'stf-a0001',
        target: `${first.id}?biller=hpl-water&created=2&updated=0&refused=3`,
      },
    ])
    const runs = await on.service.app.inject({ url: '/api/v1/admin/imports', headers: bearer(admin) })
    expect(runs.json()[0]).toMatchObject({ id: first.id, fileName: 'bills.csv', counts: { created: 2 } })
  })

  it('updates an unpaid bill, never a paid one', async () => {
    // HP-2 is paid in cash at the counter; then the biller corrects both amounts.
    const helper = await staffToken(on.service, 'H1001')
    const paid = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: bearer(helper),
      payload: { billIds: ['bill-hp-2'], method: 'counter-cash', cashReceivedFen: 2000 },
    })
    expect(paid.statusCode).toBe(201)
    const corrected = [
      'bill_no,account_no,period,due_date,item,amount',
      'HP-1,W3000001,2026-11,2026-12-28,用水 8 吨,22.40',
      'HP-2,W3000001,2026-10,2026-11-28,用水 7 吨,9.60',
    ].join('\n')
    const report = (
      await importing({
        kind: 'bills',
        billerId: 'hpl-water',
        fileName: 'corrected.csv',
        format: 'csv',
        content: csv(corrected),
        dryRun: false,
      })
    ).json()
    expect(report.changes).toEqual([
      { row: 2, key: 'HP-1', outcome: 'updated', summary: 'W3000001 · 2026-11 · ¥29.20 → ¥22.40' },
    ])
    expect(report.problems.map((p: { message: string }) => p.message)).toEqual([
      '账单 HP-2 已经缴清，不能再修改。',
    ])
    expect((await bills('hpl-water')).map((b) => [b.bill_no, b.amount_fen, b.status])).toEqual([
      ['HP-1', 2240, 'unpaid'],
      ['HP-2', 1960, 'paid'],
    ])
  })

  it('reads an Excel workbook with date cells and numbers, and refuses a file that is neither', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('bills')
    sheet.addRow(['账单号', '户号', '账期', '缴费截止日', '收费项目', '金额'])
    sheet.addRow(['HP-5', 'W3000001', '2026-12', new Date(Date.UTC(2027, 0, 28)), '用水 3 吨', 8.4])
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
    const res = await importing({
      kind: 'bills',
      billerId: 'hpl-water',
      fileName: 'december.xlsx',
      format: 'xlsx',
      content,
      dryRun: false,
    })
    expect(res.json()).toMatchObject({ counts: { created: 1, refused: 0 } })
    const row = await on.service.ctx.db
      .selectFrom('bills')
      .select(['due_date', 'amount_fen'])
      .where('bill_no', '=', 'HP-5')
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ due_date: '2027-01-28', amount_fen: 840 })
    const junk = await importing({
      kind: 'bills',
      billerId: 'hpl-water',
      fileName: 'x.xlsx',
      format: 'xlsx',
      content: csv('not a workbook'),
      dryRun: true,
    })
    expect(junk.json().error).toMatchObject({ code: 'ADMIN_INVALID', details: { problem: 'unreadableFile' } })
    const columns = await importing({
      kind: 'accounts',
      billerId: 'hpl-water',
      fileName: 'x.csv',
      format: 'csv',
      content: csv('户号,地址\nW1,x'),
      dryRun: true,
    })
    expect(columns.json().error.message).toBe(
      '文件缺少这些列：kind / 类别, holder_name / 户名。第一行应是列名。',
    )
  })

  it('takes bills pushed by the biller with its key: idempotent by bill number, audited as the biller', async () => {
    const push = (key: string, body: object) =>
      on.service.app.inject({
        method: 'POST',
        url: '/api/v1/biller/bills',
        headers: { 'x-biller-key': key },
        payload: body,
      })
    const body = {
      bills: [
        {
          billNo: 'HP-API-1',
          accountNo: 'W3000002',
          kind: 'water',
          period: '2026-11',
          dueDate: '2026-12-28',
          lines: [{ label: '用水 5 吨', amountFen: 1400 }],
          holderName: '李四',
          address: '和平里小区 2 号楼 201 室',
        },
        {
          billNo: 'HP-API-2',
          accountNo: 'E2000001',
          kind: 'electricity',
          period: '2026-11',
          dueDate: '2026-12-28',
          lines: [{ label: '用电', amountFen: 100 }],
        },
      ],
    }
    expect((await push('wrong-key-0123456789', body)).json().error.code).toBe('BILLER_KEY_INVALID')
    const first = (await push(billerKey, body)).json()
    expect(first.counts).toMatchObject({ created: 1, refused: 1 })
    expect(first.problems[0]).toMatchObject({ row: 2, problem: 'kindNotSent' })
    const again = (await push(billerKey, body)).json()
    expect(again.counts).toMatchObject({ created: 0, unchanged: 1 })
    const bills = await on.service.app.inject({
      url: '/api/v1/bills?accountNo=W3000002',
      headers: { 'x-kiosk-key': 'test-kiosk-key-0123456789' },
    })
    expect(bills.json()).toMatchObject([{ amountFen: 1400, holderMaskedName: '李*' }])
    const audit = await on.service.ctx.db
      .selectFrom('audit_log')
      .select(['actor_kind', 'actor_id'])
      .where('action', '=', 'import.bills')
      .where('actor_id', '=', 'biller:hpl-water')
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('reports what was paid through us on a day, as CSV, to the biller and to administrators', async () => {
    const date = '2026-12-01'
    const fromBiller = await on.service.app.inject({
      url: `/api/v1/biller/reconciliation?date=${date}`,
      headers: { 'x-biller-key': billerKey },
    })
    expect(fromBiller.statusCode).toBe(200)
    expect(fromBiller.headers['content-type']).toBe('text/csv; charset=utf-8')
    const lines = fromBiller.body.trim().split('\r\n')
    expect(lines[0]).toBe(
      'date,biller_id,bill_no,account_no,kind,period,amount_fen,amount_yuan,paid_at,payment_id,method,transaction_id',
    )
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(
      /^2026-12-01,hpl-water,HP-2,W3000001,water,2026-10,1960,19\.60,2026-12-01T08:00:00\+08:00,pay_\w+,counter-cash,$/,
    )
    const fromAdmin = await on.service.app.inject({
      url: `/api/v1/admin/reconciliation?date=${date}&billerId=hpl-water`,
      headers: bearer(admin),
    })
    expect(fromAdmin.body).toBe(fromBiller.body)
    const otherDay = await on.service.app.inject({
      url: '/api/v1/biller/reconciliation?date=2026-12-02',
      headers: { 'x-biller-key': billerKey },
    })
    expect(otherDay.body.trim().split('\r\n')).toHaveLength(1)
    expect((await verifyChain(on.service.ctx.db)).problem).toBeNull()
  })
})
