import { Client } from 'pg';
import { getJson } from '../../test/support/http-json';
import { ClientLedger, journalsByKey, scoped } from '../../test/support/wallet-workload';

interface HistoryItem {
  readonly id: string;
  readonly type: string;
  readonly direction: 'CREDIT' | 'DEBIT';
  readonly idempotencyKey: string;
  readonly counterparty: { kind: string; userId?: string };
}

/**
 * The checks after a run, through the API (always) and with SQL (when the database is known).
 * Returns one line per violation.
 *  - every hot user's balance equals what the client's own ledger of 201 answers implies, and none
 *    is negative;
 *  - GET /v1/ledger/verify is ok and every asset sums to zero;
 *  - exactly once: a key that got a 201 has exactly one journal (the one its 201 named), a rejected
 *    key none, and no journal carries a key the client never settled — from the users' histories,
 *    and again from the journal table;
 *  - with SQL: each asset sums to zero, no user balance is negative, no claim was left incomplete.
 */
export async function audit(
  url: string,
  users: readonly string[],
  ledger: ClientLedger,
  unsettled: ReadonlySet<string>,
  prefix: string,
  databaseUrl: string | undefined,
): Promise<string[]> {
  const violations: string[] = [];
  const expected = ledger.expectedBalances();
  for (const user of users) {
    const res = await getJson(url, `/v1/users/${user}/balances`);
    const balances = (res.body.balances ?? []) as Array<{ assetCode: string; balance: string }>;
    for (const { assetCode, balance } of balances) {
      const want = expected.get(user)?.get(assetCode) ?? 0n;
      if (BigInt(balance) !== want) violations.push(`user ${user} holds ${balance} ${assetCode}; the accepted operations imply ${want}`);
      if (BigInt(balance) < 0n) violations.push(`user ${user} has a negative ${assetCode} balance ${balance}`);
    }
  }

  const verify = await getJson(url, '/v1/ledger/verify');
  const assets = (verify.body.assets ?? []) as Array<{ assetCode: string; sum: string; mismatches: unknown[] }>;
  if (verify.status !== 200 || verify.body.ok !== true) violations.push(`ledger verify: ${verify.status} ${verify.text.slice(0, 500)}`);
  for (const a of assets) if (a.sum !== '0') violations.push(`asset ${a.assetCode} sums to ${a.sum}, not 0`);

  violations.push(...ledger.checkJournals(await journalsFromHistories(url, users, prefix, violations), unsettled).map((v) => `history: ${v}`));

  if (databaseUrl) violations.push(...(await auditWithSql(databaseUrl, ledger, unsettled, prefix)));
  return violations;
}

/** Journal ids per (acting user, key), read from every hot user's history (each transfer once, on the sender's side). */
async function journalsFromHistories(url: string, users: readonly string[], prefix: string, violations: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, Set<string>>();
  for (const user of users) {
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const res = await getJson(url, `/v1/users/${user}/transactions?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (res.status !== 200) {
        violations.push(`history of ${user}: ${res.status} ${res.text.slice(0, 200)}`);
        break;
      }
      for (const item of res.body.data as HistoryItem[]) {
        if (!item.idempotencyKey.startsWith(prefix)) continue;
        const received = item.type === 'TRANSFER' && item.direction === 'CREDIT';
        const actor = received ? item.counterparty.userId ?? '?' : user;
        const id = scoped(actor, item.idempotencyKey);
        found.set(id, (found.get(id) ?? new Set()).add(item.id));
      }
      cursor = res.body.nextCursor as string | null;
    }
  }
  return new Map([...found].map(([k, ids]) => [k, [...ids]]));
}

async function auditWithSql(databaseUrl: string, ledger: ClientLedger, unsettled: ReadonlySet<string>, prefix: string): Promise<string[]> {
  const db = new Client({ connectionString: databaseUrl, application_name: 'dino-torture-audit' });
  await db.connect();
  try {
    const violations: string[] = [];
    const rows = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;
    for (const r of await rows(`SELECT asset_code, sum(balance)::text AS sum FROM accounts GROUP BY 1 HAVING sum(balance) <> 0`)) {
      violations.push(`sql: asset ${r.asset_code} sums to ${r.sum}`);
    }
    for (const r of await rows(`SELECT id, balance::text AS balance FROM accounts WHERE kind = 'USER' AND balance < 0 LIMIT 10`)) {
      violations.push(`sql: account ${r.id} has the negative balance ${r.balance}`);
    }
    for (const r of await rows(
      `SELECT j.id FROM journal_transactions j LEFT JOIN journal_entries e ON e.journal_id = j.id
        WHERE starts_with(j.idempotency_key, $1) GROUP BY j.id HAVING count(e.id) <> 2 OR coalesce(sum(e.amount), 0) <> 0 LIMIT 10`,
      [prefix],
    )) {
      violations.push(`sql: journal ${r.id} does not have two entries summing to zero`);
    }
    for (const r of await rows(`SELECT key FROM idempotency_keys WHERE starts_with(key, $1) AND status_code IS NULL LIMIT 10`, [prefix])) {
      violations.push(`sql: the claim of ${r.key} was never completed`);
    }
    const journals = await journalsByKey(async (sql, params) => rows(sql, params) as never, prefix);
    violations.push(...ledger.checkJournals(journals, unsettled).map((v) => `sql: ${v}`));
    return violations;
  } finally {
    await db.end();
  }
}
