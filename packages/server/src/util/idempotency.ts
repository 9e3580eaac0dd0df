/**
 * Idempotency-Key, once for every route that creates something (an appointment, a request, a
 * payment): the same key with the same request answers with what the first one made, always —
 * before it, during a race with it, and after a refusal that its success caused; the same key
 * with another request is IDEMPOTENCY_CONFLICT.
 */
import type { Kysely } from 'kysely'
import { isUniqueViolation } from '../db/errors'
import type { Database } from '../db/schema'
import { AppError } from './errors'
import { sha256 } from './hash'

type Db = Kysely<Database>

/** One use of a key: who sent it, the key, what it asks for. */
export interface KeyedCall {
  /** Whose keys these are: a resident's id, or a payment's principal. */
  readonly owner: string
  readonly key: string
  readonly operation: string
  /** SHA-256 of the request as the operation sees it (normalised, so equal requests hash equal). */
  readonly requestHash: string
}

/** Where an operation's keys are kept: the table and the id of what each key made. */
export interface KeyStore {
  readonly table: 'idempotency_keys' | 'payment_idempotency_keys'
  find(
    db: Db,
    owner: string,
    key: string,
  ): Promise<{ operation: string; requestHash: string; resultId: string } | undefined>
  insert(db: Db, call: KeyedCall, resultId: string, at: string): Promise<void>
}

/** Residents' keys for appointments and requests. */
export const residentKeys: KeyStore = {
  table: 'idempotency_keys',
  async find(db, owner, key) {
    const row = await db
      .selectFrom('idempotency_keys')
      .select(['operation', 'request_hash', 'result_id'])
      .where('resident_id', '=', owner)
      .where('key', '=', key)
      .executeTakeFirst()
    return row && { operation: row.operation, requestHash: row.request_hash, resultId: row.result_id }
  },
  async insert(db, call, resultId, at) {
    await db
      .insertInto('idempotency_keys')
      .values({
        resident_id: call.owner,
        key: call.key,
        operation: call.operation,
        request_hash: call.requestHash,
        result_id: resultId,
        created_at: at,
      })
      .execute()
  },
}

/** Payments' keys, by principal (a resident, or a helper at the counter), all for createPayment. */
export const paymentKeys: KeyStore = {
  table: 'payment_idempotency_keys',
  async find(db, owner, key) {
    const row = await db
      .selectFrom('payment_idempotency_keys')
      .select(['request_hash', 'payment_id'])
      .where('principal', '=', owner)
      .where('key', '=', key)
      .executeTakeFirst()
    return row && { operation: 'createPayment', requestHash: row.request_hash, resultId: row.payment_id }
  },
  async insert(db, call, resultId, at) {
    await db
      .insertInto('payment_idempotency_keys')
      .values({
        principal: call.owner,
        key: call.key,
        request_hash: call.requestHash,
        payment_id: resultId,
        created_at: at,
      })
      .execute()
  },
}

/** The keyed call of a request, or undefined when it came without a key. */
export function keyedCall(
  owner: string,
  key: string | undefined,
  operation: string,
  request: unknown,
): KeyedCall | undefined {
  return key ? { owner, key, operation, requestHash: sha256(JSON.stringify(request)) } : undefined
}

/** What an earlier use of the key made, or null; a different request under the key is a conflict. */
export async function earlierResult(db: Db, store: KeyStore, call: KeyedCall): Promise<string | null> {
  const row = await store.find(db, call.owner, call.key)
  if (!row) return null
  if (row.operation !== call.operation || row.requestHash !== call.requestHash)
    throw new AppError('IDEMPOTENCY_CONFLICT')
  return row.resultId
}

/** Records the key with what it made, inside the transaction that made it. */
export function rememberResult(trx: Db, store: KeyStore, call: KeyedCall, resultId: string, at: string) {
  return store.insert(trx, call, resultId, at)
}

/** Records the key for something that already existed (no transaction made it): a race loses quietly. */
export async function rememberExisting(
  db: Db,
  store: KeyStore,
  call: KeyedCall,
  resultId: string,
  at: string,
) {
  try {
    await store.insert(db, call, resultId, at)
  } catch (error) {
    if (!isUniqueViolation(error, store.table)) throw error
  }
}

/**
 * Runs `make` once per key: an earlier result is answered at once; when `make` fails — a
 * concurrent request with the same key won the race, and its success made this one look like a
 * second booking or a paid bill — that request's result is the answer; only when the key is still
 * unknown does the failure stand.
 */
export async function once<T>(
  db: Db,
  store: KeyStore,
  call: KeyedCall | undefined,
  make: () => Promise<T>,
  answer: (resultId: string) => Promise<T>,
): Promise<T> {
  if (call) {
    const earlier = await earlierResult(db, store, call)
    if (earlier) return answer(earlier)
  }
  try {
    return await make()
  } catch (error) {
    if (call) {
      const earlier = await earlierResult(db, store, call)
      if (earlier) return answer(earlier)
    }
    throw error
  }
}
