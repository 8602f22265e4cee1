import { randomUUID } from 'node:crypto';
import request, { Response } from 'supertest';
import { bearer } from './auth';

export interface WriteOptions {
  readonly key?: string;
  /** Send the key in the body instead of the header. */
  readonly keyInBody?: boolean;
  readonly assetCode?: string;
  readonly description?: string | null;
  readonly metadata?: Record<string, string>;
}

/** A refund's body (API.md, "Refunds"); `body` replaces it entirely, for bad-input tests. */
export interface RefundOptions {
  readonly key?: string;
  readonly keyInBody?: boolean;
  readonly amount?: number | string;
  readonly reason?: string;
  readonly metadata?: Record<string, string>;
  readonly body?: Record<string, unknown>;
}

/** A hold's body (API.md, "Holds"); `body` replaces it entirely, for bad-input tests. */
export interface HoldOptions {
  readonly key?: string;
  readonly assetCode?: string;
  readonly expiresInSeconds?: number | string;
  readonly description?: string;
  readonly metadata?: Record<string, string>;
  readonly body?: Record<string, unknown>;
}

/** A capture's body; `body` replaces it entirely, for bad-input tests. */
export interface CaptureOptions {
  readonly key?: string;
  readonly amount?: number | string;
  readonly toUserId?: string;
  readonly body?: Record<string, unknown>;
}

/** A balance row: `balance` is what the user can spend, `held` the sum of the user's active holds. */
export interface BalanceRow {
  readonly assetCode: string;
  readonly balance: string;
  readonly held?: string;
}

/** A hold as the API returns it. */
export interface HoldBody {
  readonly id: string;
  readonly status: 'HELD' | 'CAPTURED' | 'VOIDED' | 'EXPIRED';
  readonly userId: string;
  readonly assetCode: string;
  readonly amount: string;
  readonly capturedAmount: string;
  readonly expiresAt: string;
  readonly createdAt: string;
  readonly transactions: unknown[];
}

export interface Balances {
  readonly [assetCode: string]: bigint;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly full: boolean;
  readonly assets: Array<{
    assetCode: string;
    sum: string;
    accounts: number;
    entries: number;
    journals: number;
    checkpoint: { journalId: string; entryId: string; verifiedAt: string } | null;
    mismatches: Array<{ kind: string; detail: string; accountId?: string; journalId?: string; entryId?: string }>;
  }>;
}

/** A small per-resource client over supertest, so tests read like the contract. */
export class WalletClient {
  /** @param secret the credential every request carries (the test master key by default) */
  constructor(
    readonly url: string,
    readonly secret?: string,
  ) {}

  /** A supertest agent whose requests carry this client's credential. */
  http() {
    return request.agent(this.url).set('Authorization', bearer(this.secret));
  }

  /** The same client with another credential (a scoped API key, say). */
  as(secret: string): WalletClient {
    return new WalletClient(this.url, secret);
  }

  async createUser(username = `user_${randomUUID().slice(0, 12)}`): Promise<{ id: string; username: string }> {
    const res = await this.http().post('/v1/users').send({ username });
    if (res.status !== 201) throw new Error(`createUser ${username}: ${res.status} ${res.text}`);
    return res.body as { id: string; username: string };
  }

  topup(userId: string, amount: number | string, options: WriteOptions = {}): Promise<Response> {
    return this.write('/v1/topup', { userId }, amount, options);
  }

  spend(userId: string, amount: number | string, options: WriteOptions = {}): Promise<Response> {
    return this.write('/v1/spend', { userId }, amount, options);
  }

  bonus(userId: string, amount: number | string, options: WriteOptions = {}): Promise<Response> {
    return this.write('/v1/bonus', { userId }, amount, options);
  }

  transfer(fromUserId: string, toUserId: string, amount: number | string, options: WriteOptions = {}): Promise<Response> {
    return this.write('/v1/transfers', { fromUserId, toUserId }, amount, options);
  }

  async balances(userId: string): Promise<Balances> {
    const res = await this.http().get(`/v1/users/${userId}/balances`).expect(200);
    return Object.fromEntries(
      (res.body.balances as Array<{ assetCode: string; balance: string }>).map((b) => [b.assetCode, BigInt(b.balance)]),
    );
  }

  async balance(userId: string, assetCode = 'GOLD'): Promise<bigint> {
    return (await this.balances(userId))[assetCode] ?? 0n;
  }

  history(userId: string, query: Record<string, string | number> = {}): Promise<Response> {
    return this.http().get(`/v1/users/${userId}/transactions`).query(query);
  }

  /** GET /v1/ledger/verify (a routine run; `full` recomputes everything). */
  async verify(options: { full?: boolean } = {}): Promise<VerifyReport> {
    const res = await this.http()
      .get('/v1/ledger/verify')
      .query(options.full ? { full: 'true' } : {})
      .expect(200);
    return res.body as VerifyReport;
  }

  /** GET /v1/transactions/{transactionId}. */
  transaction(transactionId: string): Promise<Response> {
    return this.http().get(`/v1/transactions/${encodeURIComponent(transactionId)}`);
  }

  /** POST /v1/transactions/{transactionId}/refunds (a fresh idempotency key unless one is given). */
  refund(transactionId: string, options: RefundOptions = {}): Promise<Response> {
    const key = options.key ?? randomUUID();
    const body: Record<string, unknown> = { ...(options.body ?? {}) };
    if (options.body === undefined) {
      if (options.amount !== undefined) body.amount = options.amount;
      if (options.reason !== undefined) body.reason = options.reason;
      if (options.metadata !== undefined) body.metadata = options.metadata;
    }
    if (options.keyInBody) body.idempotencyKey = key;
    const req = this.http().post(`/v1/transactions/${encodeURIComponent(transactionId)}/refunds`);
    if (!options.keyInBody) req.set('Idempotency-Key', key);
    return req.send(body);
  }

  /** POST /v1/holds: reserve `amount` of the user's balance. */
  createHold(userId: string, amount: number | string, options: HoldOptions = {}): Promise<Response> {
    const body: Record<string, unknown> = options.body ?? { userId, assetCode: options.assetCode ?? 'GOLD', amount };
    if (options.body === undefined) {
      if (options.expiresInSeconds !== undefined) body.expiresInSeconds = options.expiresInSeconds;
      if (options.description !== undefined) body.description = options.description;
      if (options.metadata !== undefined) body.metadata = options.metadata;
    }
    return this.http()
      .post('/v1/holds')
      .set('Idempotency-Key', options.key ?? randomUUID())
      .send(body);
  }

  /** POST /v1/holds/{holdId}/capture (all of it to the treasury unless told otherwise). */
  captureHold(holdId: string, options: CaptureOptions = {}): Promise<Response> {
    const body: Record<string, unknown> = options.body ?? {};
    if (options.body === undefined) {
      if (options.amount !== undefined) body.amount = options.amount;
      if (options.toUserId !== undefined) body.toUserId = options.toUserId;
    }
    return this.http()
      .post(`/v1/holds/${encodeURIComponent(holdId)}/capture`)
      .set('Idempotency-Key', options.key ?? randomUUID())
      .send(body);
  }

  /** POST /v1/holds/{holdId}/void. */
  voidHold(holdId: string, options: { key?: string } = {}): Promise<Response> {
    return this.http()
      .post(`/v1/holds/${encodeURIComponent(holdId)}/void`)
      .set('Idempotency-Key', options.key ?? randomUUID())
      .send({});
  }

  /** GET /v1/holds/{holdId}. */
  getHold(holdId: string): Promise<Response> {
    return this.http().get(`/v1/holds/${encodeURIComponent(holdId)}`);
  }

  /** GET /v1/users/{userId}/holds (`status` filters). */
  holds(userId: string, query: { status?: string } = {}): Promise<Response> {
    return this.http().get(`/v1/users/${userId}/holds`).query(query);
  }

  /** The user's balance rows as the API sends them (with `held`). */
  async balanceRows(userId: string): Promise<BalanceRow[]> {
    const res = await this.http().get(`/v1/users/${userId}/balances`).expect(200);
    return res.body.balances as BalanceRow[];
  }

  /** One asset's row: spendable `balance` and `held`, as bigints (a missing `held` reads as -1, so it cannot pass for 0). */
  async wallet(userId: string, assetCode = 'GOLD'): Promise<{ balance: bigint; held: bigint }> {
    const row = (await this.balanceRows(userId)).find((r) => r.assetCode === assetCode);
    if (row === undefined) throw new Error(`no ${assetCode} row for ${userId}`);
    return { balance: BigInt(row.balance), held: row.held === undefined ? -1n : BigInt(row.held) };
  }

  /** A user holding `amount` of the asset (topped up from the treasury). */
  async givenUserWithBalance(amount: bigint | number, assetCode = 'GOLD'): Promise<string> {
    const user = await this.createUser();
    if (BigInt(amount) > 0n) {
      const res = await this.topup(user.id, amount.toString(), { assetCode });
      if (res.status !== 201) throw new Error(`topup: ${res.status} ${res.text}`);
    }
    return user.id;
  }

  private write(path: string, users: Record<string, string>, amount: number | string, options: WriteOptions): Promise<Response> {
    const key = options.key ?? randomUUID();
    const body: Record<string, unknown> = { ...users, assetCode: options.assetCode ?? 'GOLD', amount };
    if (options.description !== undefined) body.description = options.description;
    if (options.metadata !== undefined) body.metadata = options.metadata;
    if (options.keyInBody) body.idempotencyKey = key;
    const req = this.http().post(path);
    if (!options.keyInBody) req.set('Idempotency-Key', key);
    return req.send(body);
  }
}
