import { authedRequest } from '../support/auth';
import { ledgerViolations } from '../support/ledger-invariants';
import type { TestDatabase } from '../support/test-database';
import type { Answer } from './wallet-answers';
import { ASSETS, ENDPOINTS, SystemName, WalletModel, WriteRequest } from './wallet-model';

/**
 * How a write is spelt on the wire. None of it is part of the request's identity: the amount as a
 * JSON number or a digit string, the key in the header, the body or both, and absent optional
 * fields or their explicit defaults (null description, empty metadata) all name the same request.
 */
export interface Encoding {
  readonly amountAsString: boolean;
  readonly keyCarrier: 'header' | 'body' | 'both';
  readonly explicitDefaults: boolean;
}

export async function sendWrite(url: string, req: WriteRequest, enc: Encoding): Promise<Answer> {
  const body: Record<string, unknown> =
    req.kind === 'TRANSFER' ? { fromUserId: req.userId, toUserId: req.toUserId } : { userId: req.userId };
  body.assetCode = req.assetCode;
  // A JSON number on purpose (amounts here are at most 10^15, exact as a double).
  body.amount = enc.amountAsString ? req.amount.toString() : Number(req.amount);
  if (req.description !== null || enc.explicitDefaults) body.description = req.description;
  if (Object.keys(req.metadata).length > 0 || enc.explicitDefaults) body.metadata = req.metadata;
  if (enc.keyCarrier !== 'header') body.idempotencyKey = req.key;
  const pending = authedRequest(url).post(ENDPOINTS[req.kind]);
  if (enc.keyCarrier !== 'body') pending.set('Idempotency-Key', req.key);
  const res = await pending.send(body);
  return {
    status: res.status,
    text: res.text,
    contentType: String(res.headers['content-type'] ?? ''),
    replayed: res.headers['idempotent-replayed'] === 'true',
  };
}

/** Row counts when a run started: the model counts what the run adds. */
export interface Baseline {
  readonly journals: number;
  readonly keys: number;
}

export async function readBaseline(db: TestDatabase): Promise<Baseline> {
  const [row] = await db.query<Baseline>(
    `SELECT (SELECT count(*) FROM journal_transactions)::int AS journals, (SELECT count(*) FROM idempotency_keys)::int AS keys`,
  );
  return row;
}

export async function readSystemBalances(db: TestDatabase): Promise<Array<{ name: SystemName; assetCode: string; balance: bigint }>> {
  const rows = await db.query<{ name: SystemName; asset_code: string; balance: string }>(
    `SELECT system_name AS name, asset_code, balance::text AS balance FROM accounts WHERE kind = 'SYSTEM'`,
  );
  return rows.map((r) => ({ name: r.name, assetCode: r.asset_code, balance: BigInt(r.balance) }));
}

/**
 * Everything in the database that disagrees with the model or with the ledger's invariants: the
 * raw-SQL invariants, every balance of the run's users and of the system accounts, and the number of
 * journals and idempotency records the run added.
 */
export async function databaseMismatches(db: TestDatabase, model: WalletModel, baseline: Baseline): Promise<string[]> {
  const problems = await ledgerViolations(db);
  const users = await db.query<{ user_id: string; asset_code: string; balance: string }>(
    `SELECT user_id::text AS user_id, asset_code, balance::text AS balance FROM accounts WHERE kind = 'USER' AND user_id = ANY ($1::uuid[])`,
    [model.users],
  );
  const stored = new Map(users.map((r) => [`${r.user_id}|${r.asset_code}`, BigInt(r.balance)]));
  for (const userId of model.users) {
    for (const asset of ASSETS) {
      const want = model.balance({ kind: 'USER', userId }, asset);
      const got = stored.get(`${userId}|${asset}`) ?? 0n;
      if (got !== want) problems.push(`user ${userId} holds ${got} ${asset}, the model says ${want}`);
    }
  }
  for (const s of await readSystemBalances(db)) {
    const want = model.balance({ kind: 'SYSTEM', name: s.name }, s.assetCode);
    if (s.balance !== want) problems.push(`${s.name} holds ${s.balance} ${s.assetCode}, the model says ${want}`);
  }
  const now = await readBaseline(db);
  if (now.journals - baseline.journals !== model.postings) {
    problems.push(`${now.journals - baseline.journals} journals were posted, the model says ${model.postings}`);
  }
  if (now.keys - baseline.keys !== model.storedKeys) {
    problems.push(`${now.keys - baseline.keys} idempotency records were stored, the model says ${model.storedKeys}`);
  }
  return problems;
}
