import { Client } from 'pg';
import { getJson } from '../../test/support/http-json';
import { ledgerViolations } from '../../test/support/ledger-invariants';
import { ClientLedger, FinalHold, journalsByKey, scoped } from '../../test/support/wallet-workload';
import { finalHolds, RaceSummary, refundChecks, summarize } from './race-audit';

interface HistoryItem {
  readonly id: string;
  readonly type: string;
  readonly direction: 'CREDIT' | 'DEBIT';
  readonly idempotencyKey: string;
  readonly counterparty: { kind: string; userId?: string };
}

/**
 * The checks after a run, through the API (always) and with SQL (when the database is known).
 * Returns one line per violation, and how the races ended.
 *  - every hold of the run has ended (expired, at the latest, within `expiryWithinMs`), each with
 *    exactly one winner (see race-audit.ts); the refunds of each original add up to at most its
 *    amount and to what the original shows;
 *  - every hot user's balance equals what the client's own ledger of accepted answers implies
 *    (with the holds as they ended), nothing is held any more, and none is negative;
 *  - GET /v1/ledger/verify?full=true is ok and every asset sums to zero;
 *  - exactly once: a key that was accepted has exactly the journals its answer named, a rejected
 *    key none, and no journal carries a key the client never settled — from the users' histories,
 *    and again from the journal table;
 *  - with SQL: the ledger's invariants (test/support/ledger-invariants.ts: sums, running balances,
 *    held funds = active holds, each hold's journals), no claim left incomplete, and each expired
 *    hold released exactly once (by one of the processes' expiry jobs).
 */
export async function audit(
  url: string,
  users: readonly string[],
  ledger: ClientLedger,
  unsettled: ReadonlySet<string>,
  prefix: string,
  databaseUrl: string | undefined,
  expiryWithinMs: number,
): Promise<{ violations: string[]; races: RaceSummary }> {
  const violations: string[] = [];
  const holds = await finalHolds(url, ledger, expiryWithinMs, violations);
  const refunds = await refundChecks(url, ledger, unsettled, violations);
  violations.push(...(await balanceChecks(url, users, ledger, holds)));

  const verify = await getJson(url, '/v1/ledger/verify?full=true');
  const assets = (verify.body.assets ?? []) as Array<{ assetCode: string; sum: string; mismatches: unknown[] }>;
  if (verify.status !== 200 || verify.body.ok !== true)
    violations.push(`ledger verify: ${verify.status} ${verify.text.slice(0, 500)}`);
  for (const a of assets) if (a.sum !== '0') violations.push(`asset ${a.assetCode} sums to ${a.sum}, not 0`);

  violations.push(
    ...ledger.checkJournals(await journalsFromHistories(url, users, prefix, violations), unsettled).map((v) => `history: ${v}`),
  );

  if (databaseUrl) violations.push(...(await auditWithSql(databaseUrl, ledger, unsettled, prefix)));
  return { violations, races: summarize(holds, refunds) };
}

/** Balances and held funds of the hot users against the accepted answers (holds as they ended). */
async function balanceChecks(
  url: string,
  users: readonly string[],
  ledger: ClientLedger,
  holds: ReadonlyMap<string, FinalHold>,
): Promise<string[]> {
  const violations: string[] = [];
  const expected = ledger.expectedBalances(holds);
  const held = new Map<string, bigint>();
  for (const s of ledger.all()) {
    if (!s.accepted || s.op.kind !== 'hold' || (holds.get(String(s.body.id))?.status ?? 'HELD') !== 'HELD') continue;
    const key = `${s.op.actingUserId}|${s.op.assetCode}`;
    held.set(key, (held.get(key) ?? 0n) + s.op.amount);
  }
  for (const user of users) {
    const res = await getJson(url, `/v1/users/${user}/balances`);
    const balances = (res.body.balances ?? []) as Array<{ assetCode: string; balance: string; held?: string }>;
    for (const { assetCode, balance, held: onHold } of balances) {
      const want = expected.get(user)?.get(assetCode) ?? 0n;
      if (BigInt(balance) !== want)
        violations.push(`user ${user} holds ${balance} ${assetCode}; the accepted operations imply ${want}`);
      if (BigInt(balance) < 0n) violations.push(`user ${user} has a negative ${assetCode} balance ${balance}`);
      const heldWant = held.get(`${user}|${assetCode}`) ?? 0n;
      if (onHold === undefined || BigInt(onHold) !== heldWant)
        violations.push(`user ${user} has ${onHold} ${assetCode} held; the holds imply ${heldWant}`);
    }
  }
  return violations;
}

/**
 * Whether a history line between two users belongs to the other user's write: the receiver's side
 * of a transfer or of a capture to a user, the sender's side of a transfer's refund (the refund is
 * the sender's write; the receiver pays it).
 */
function actsForOther(item: HistoryItem): boolean {
  if (item.counterparty.kind !== 'USER') return false;
  if (item.type === 'REFUND') return item.direction === 'DEBIT';
  return (item.type === 'TRANSFER' || item.type === 'HOLD_CAPTURE') && item.direction === 'CREDIT';
}

/** Journal ids per (acting user, key), read from every hot user's history (a journal between two users under its actor). */
async function journalsFromHistories(
  url: string,
  users: readonly string[],
  prefix: string,
  violations: string[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, Set<string>>();
  for (const user of users) {
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const res = await getJson(
        url,
        `/v1/users/${user}/transactions?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      if (res.status !== 200) {
        violations.push(`history of ${user}: ${res.status} ${res.text.slice(0, 200)}`);
        break;
      }
      for (const item of res.body.data as HistoryItem[]) {
        if (!item.idempotencyKey.startsWith(prefix)) continue;
        const actor = actsForOther(item) ? (item.counterparty.userId ?? '?') : user;
        const id = scoped(actor, item.idempotencyKey);
        found.set(id, (found.get(id) ?? new Set()).add(item.id));
      }
      cursor = res.body.nextCursor as string | null;
    }
  }
  return new Map([...found].map(([k, ids]) => [k, [...ids]]));
}

async function auditWithSql(
  databaseUrl: string,
  ledger: ClientLedger,
  unsettled: ReadonlySet<string>,
  prefix: string,
): Promise<string[]> {
  const db = new Client({ connectionString: databaseUrl, application_name: 'dino-torture-audit' });
  await db.connect();
  try {
    const violations: string[] = [];
    const rows = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;
    for (const r of await rows(
      `SELECT asset_code, sum(balance)::text AS sum FROM accounts GROUP BY 1 HAVING sum(balance) <> 0`,
    )) {
      violations.push(`sql: asset ${r.asset_code} sums to ${r.sum}`);
    }
    for (const r of await rows(
      `SELECT id, balance::text AS balance FROM accounts WHERE kind = 'USER' AND balance < 0 LIMIT 10`,
    )) {
      violations.push(`sql: account ${r.id} has the negative balance ${r.balance}`);
    }
    for (const r of await rows(
      `SELECT j.id FROM journal_transactions j LEFT JOIN journal_entries e ON e.journal_id = j.id
        WHERE starts_with(j.idempotency_key, $1) GROUP BY j.id HAVING count(e.id) <> 2 OR coalesce(sum(e.amount), 0) <> 0 LIMIT 10`,
      [prefix],
    )) {
      violations.push(`sql: journal ${r.id} does not have two entries summing to zero`);
    }
    for (const r of await rows(`SELECT key FROM idempotency_keys WHERE starts_with(key, $1) AND status_code IS NULL LIMIT 10`, [
      prefix,
    ])) {
      violations.push(`sql: the claim of ${r.key} was never completed`);
    }
    for (const r of await rows(
      `SELECT idempotency_key, count(*)::int AS journals FROM journal_transactions
        WHERE starts_with(idempotency_key, 'hold-expiry:') GROUP BY 1 HAVING count(*) > 1 LIMIT 10`,
    )) {
      violations.push(`sql: ${r.journals} expiry journals under ${r.idempotency_key}`);
    }
    for (const r of await rows(
      `SELECT h.id FROM holds h LEFT JOIN journal_transactions j ON j.id = h.release_journal_id
        WHERE h.status = 'EXPIRED' AND (j.created_by IS DISTINCT FROM 'system' OR j.idempotency_key IS DISTINCT FROM 'hold-expiry:' || h.id::text) LIMIT 10`,
    )) {
      violations.push(`sql: the expired hold ${r.id} was not released by the expiry job`);
    }
    violations.push(...(await ledgerViolations({ query: async (sql) => rows(sql) })).map((v) => `sql: ${v}`));
    const journals = await journalsByKey(async (sql, params) => rows(sql, params) as never, prefix);
    violations.push(...ledger.checkJournals(journals, unsettled).map((v) => `sql: ${v}`));
    return violations;
  } finally {
    await db.end();
  }
}
