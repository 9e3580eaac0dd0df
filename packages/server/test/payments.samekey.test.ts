/**
 * Issue 19, D5: same Idempotency-Key, same answer, always. Simultaneous retries of one cash
 * payment at the counter (on PostgreSQL over two instances sharing the database) each get the one
 * payment that was made, never 409 BILL_ALREADY_PAID because a twin committed first.
 */
import { bearer, describeOnEngines, staffToken } from './support/service'

describeOnEngines('payment retries with one key', { instances: 2 }, (on) => {
  it('50 simultaneous same-key cash payments all answer 201 with the one payment', async () => {
    const helper = await staffToken(on.service, 'H1001')
    for (const [round, billId, fen] of [
      [1, 'bill-e2000001-1', 12840],
      [2, 'bill-g3000001-1', 4500],
    ] as const) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          on.instance(i).app.inject({
            method: 'POST',
            url: '/api/v1/payments',
            headers: { ...bearer(helper), 'idempotency-key': `same-cash-key-${round}` },
            payload: { billIds: [billId], method: 'counter-cash', cashReceivedFen: fen },
          }),
        ),
      )
      const tally: Record<string, number> = {}
      for (const a of answers) {
        const key = a.statusCode === 201 ? '201' : `${a.statusCode} ${a.json().error?.code}`
        tally[key] = (tally[key] ?? 0) + 1
      }
      expect(tally).toEqual({ '201': 50 })
      expect(new Set(answers.map((a) => a.json().id)).size).toBe(1)
      expect(answers[0]!.json().status).toBe('paid')
    }
  })
})
