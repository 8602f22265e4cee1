import { authedRequest } from '../support/auth';
import { ledgerViolations } from '../support/ledger-invariants';
import type { TestDatabase } from '../support/test-database';
import type { Answer } from './wallet-answers';
import { ASSETS, DEFAULT_HOLD_SECONDS, ENDPOINTS, SystemName, WalletModel, WriteRequest } from './wallet-model';

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
  const { path, body } = wire(req, enc);
  if (enc.keyCarrier !== 'header') body.idempotencyKey = req.key;
  const pending = authedRequest(url).post(path);
  if (enc.keyCarrier !== 'body') pending.set('Idempotency-Key', req.key);
  const res = await pending.send(body);
  const answer = {
    status: res.status,
    text: res.text,
    contentType: String(res.headers['content-type'] ?? ''),
    replayed: res.headers['idempotent-replayed'] === 'true',
  };
  const settles = req.kind === 'HOLD' || req.kind === 'CAPTURE' || req.kind === 'VOID';
  if (!settles || (res.status !== 200 && res.status !== 201) || !Array.isArray(res.body?.transactions)) return answer;
  const ids = (res.body.transactions as Array<{ id: unknown }>).map((t) => String(t.id));
  const journals = await Promise.all(
    ids.map(async (id) => (await authedRequest(url).get(`/v1/transactions/${id}`)).body as Record<string, unknown>),
  );
  return { ...answer, journals };
}

/**
 * The path and body of a write. Optional fields at their default are left out, or with
 * `explicitDefaults` sent as what the contract says is the same: `null` (a refund's or a capture's
 * amount, a capture's toUserId, a description), `{}` (metadata), 3600 (a hold's expiresInSeconds).
 */
function wire(req: WriteRequest, enc: Encoding): { path: string; body: Record<string, unknown> } {
  // A JSON number on purpose (amounts here are at most 10^15, exact as a double).
  const amount = (value: bigint) => (enc.amountAsString ? value.toString() : Number(value));
  const body: Record<string, unknown> = {};
  const optional = (field: string, value: unknown, isDefault: boolean, explicit: unknown = value) => {
    if (!isDefault) body[field] = value;
    else if (enc.explicitDefaults) body[field] = explicit;
  };
  switch (req.kind) {
    case 'REFUND':
      optional('amount', req.amount === null ? null : amount(req.amount), req.amount === null);
      optional('reason', req.reason, req.reason === null);
      optional('metadata', req.metadata, Object.keys(req.metadata).length === 0);
      return { path: `/v1/transactions/${req.transactionId}/refunds`, body };
    case 'HOLD':
      Object.assign(body, { userId: req.userId, assetCode: req.assetCode, amount: amount(req.amount) });
      optional('expiresInSeconds', req.expiresInSeconds, req.expiresInSeconds === null, DEFAULT_HOLD_SECONDS);
      optional('description', req.description, req.description === null);
      optional('metadata', req.metadata, Object.keys(req.metadata).length === 0);
      return { path: '/v1/holds', body };
    case 'CAPTURE':
      optional('amount', req.amount === null ? null : amount(req.amount), req.amount === null);
      optional('toUserId', req.toUserId, req.toUserId === null);
      return { path: `/v1/holds/${req.holdId}/capture`, body };
    case 'VOID':
      return { path: `/v1/holds/${req.holdId}/void`, body };
    default:
      Object.assign(body, req.kind === 'TRANSFER' ? { fromUserId: req.userId, toUserId: req.toUserId } : { userId: req.userId });
      Object.assign(body, { assetCode: req.assetCode, amount: amount(req.amount) });
      optional('description', req.description, req.description === null);
      optional('metadata', req.metadata, Object.keys(req.metadata).length === 0);
      return { path: ENDPOINTS[req.kind], body };
  }
}

/** Row counts when a run started: the model counts what the run adds. */
export interface Baseline {
  readonly journals: number;
  readonly keys: number;
}

export async function readBaseline(db: TestDatabase): Promise<Baseline> {
  // Journals the service posts itself (a hold's expiry) are left out: a long run outlives the
  // holds of its first sequences (the model's own holds never expire within a sequence).
  const [row] = await db.query<Baseline>(
    `SELECT (SELECT count(*) FROM journal_transactions WHERE created_by <> 'system')::int AS journals, (SELECT count(*) FROM idempotency_keys)::int AS keys`,
  );
  return row;
}

export async function readSystemBalances(
  db: TestDatabase,
): Promise<Array<{ name: SystemName; assetCode: string; balance: bigint }>> {
  const rows = await db.query<{ name: SystemName; asset_code: string; balance: string }>(
    `SELECT system_name AS name, asset_code, balance::text AS balance FROM accounts WHERE kind = 'SYSTEM'`,
  );
  return rows.map((r) => ({ name: r.name, assetCode: r.asset_code, balance: BigInt(r.balance) }));
}

/**
 * Everything in the database that disagrees with the model or with the ledger's invariants: the
 * raw-SQL invariants, every balance and held funds of the run's users and of the system accounts,
 * every hold's row, and the number of journals and idempotency records the run added.
 */
export async function databaseMismatches(db: TestDatabase, model: WalletModel, baseline: Baseline): Promise<string[]> {
  const problems = await ledgerViolations(db);
  const users = await db.query<{ kind: 'USER' | 'HELD'; user_id: string; asset_code: string; balance: string }>(
    `SELECT kind, user_id::text AS user_id, asset_code, balance::text AS balance FROM accounts WHERE kind IN ('USER', 'HELD') AND user_id = ANY ($1::uuid[])`,
    [model.users],
  );
  const stored = new Map(users.map((r) => [`${r.kind}|${r.user_id}|${r.asset_code}`, BigInt(r.balance)]));
  for (const userId of model.users) {
    for (const asset of ASSETS) {
      for (const kind of ['USER', 'HELD'] as const) {
        const want = model.balance({ kind, userId }, asset);
        const got = stored.get(`${kind}|${userId}|${asset}`) ?? 0n;
        if (got !== want)
          problems.push(`user ${userId} ${kind === 'USER' ? 'holds' : 'has held'} ${got} ${asset}, the model says ${want}`);
      }
    }
  }
  for (const s of await readSystemBalances(db)) {
    const want = model.balance({ kind: 'SYSTEM', name: s.name }, s.assetCode);
    if (s.balance !== want) problems.push(`${s.name} holds ${s.balance} ${s.assetCode}, the model says ${want}`);
  }
  if (model.holds.size > 0) {
    const rows = await db.query<{ id: string; status: string; captured_amount: string }>(
      `SELECT id::text AS id, status, captured_amount::text AS captured_amount FROM holds WHERE id = ANY ($1::uuid[])`,
      [[...model.holds.keys()]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const hold of model.holds.values()) {
      const row = byId.get(hold.id);
      const got = row ? `${row.status} ${row.captured_amount}` : 'missing';
      if (got !== `${hold.status} ${hold.capturedAmount}`)
        problems.push(`hold ${hold.id} is ${got}, the model says ${hold.status} ${hold.capturedAmount}`);
    }
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
