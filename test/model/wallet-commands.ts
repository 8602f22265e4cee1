import fc from 'fast-check';
import { authedRequest } from '../support/auth';
import type { TestDatabase } from '../support/test-database';
import { describeRequest, findSerialOrder, mismatch } from './wallet-answers';
import { Baseline, databaseMismatches, Encoding, sendWrite } from './wallet-driver';
import { Asset, ASSETS, WalletModel, WriteKind, WriteRequest } from './wallet-model';

/** The model side of a run: the wallet model and the writes sent so far (retries pick from them). */
export interface RunState {
  wallet: WalletModel;
  readonly sent: WriteRequest[];
  readonly run: string;
  nextId: number;
}

/** The real side: the listening service and its database. */
export interface RealSystem {
  readonly url: string;
  readonly db: TestDatabase;
  readonly baseline: Baseline;
}

export type Command = fc.AsyncCommand<RunState, RealSystem>;

/** How often each command ran and each outcome was seen, for the long run's report. */
export const tally = new Map<string, number>();
const count = (what: string, n = 1) => tally.set(what, (tally.get(what) ?? 0) + n);

/** A write as generated: users are picked by index among the run's users when it runs. */
export interface WriteSpec {
  readonly kind: WriteKind;
  readonly from: number;
  readonly to: number;
  readonly asset: Asset;
  readonly amount: bigint;
  readonly description: string | null;
  readonly metadata: Record<string, string>;
  readonly enc: Encoding;
}

export const MAX_AMOUNT = 10n ** 15n;
export const RETRY_VARIANTS = ['same', 'same', 'same', 'amount', 'endpoint', 'description', 'metadata', 'other-user'] as const;
export type RetryVariant = (typeof RETRY_VARIANTS)[number];

/** After every command: the service's database agrees with the model and the ledger is sound. */
async function expectConsistent(m: RunState, r: RealSystem, after: string): Promise<void> {
  const problems = await databaseMismatches(r.db, m.wallet, r.baseline);
  if (problems.length > 0) throw new Error(`after ${after}:\n  ${problems.join('\n  ')}`);
}

function user(m: RunState, index: number): string {
  return m.wallet.users[index % m.wallet.users.length];
}

function toRequest(m: RunState, s: WriteSpec): WriteRequest {
  const key = `${m.run}-k${m.nextId++}`;
  const base = { assetCode: s.asset, amount: s.amount, key, description: s.description, metadata: s.metadata };
  return s.kind === 'TRANSFER'
    ? { ...base, kind: s.kind, userId: user(m, s.from), toUserId: user(m, s.to) }
    : { ...base, kind: s.kind, userId: user(m, s.from) };
}

async function executeWrite(m: RunState, r: RealSystem, req: WriteRequest, enc: Encoding): Promise<void> {
  const expected = m.wallet.decide(req);
  const answer = await sendWrite(r.url, req, enc);
  const why = mismatch(req, expected, answer);
  if (why) throw new Error(`${describeRequest(req)}: ${why}`);
  m.wallet.commit(req, expected, answer);
  m.sent.push(req);
  count(`write ${expected.outcome}`);
  await expectConsistent(m, r, describeRequest(req));
}

function showSpec(s: WriteSpec): string {
  const users = s.kind === 'TRANSFER' ? `u${s.from}→u${s.to}` : `u${s.from}`;
  const enc = `${s.enc.amountAsString ? 'str' : 'num'}/${s.enc.keyCarrier}${s.enc.explicitDefaults ? '/defaults' : ''}`;
  const extras = `${s.description === null ? '' : ` desc=${JSON.stringify(s.description)}`}${Object.keys(s.metadata).length ? ` meta=${JSON.stringify(s.metadata)}` : ''}`;
  return `${s.kind.toLowerCase()}(${users}, ${s.asset}, ${s.amount}, ${enc}${extras})`;
}

export class CreateUser implements Command {
  constructor(private readonly taken: boolean) {}
  check = () => true;
  async run(m: RunState, r: RealSystem): Promise<void> {
    if (this.taken) {
      const existing = await authedRequest(r.url).get(`/v1/users/${user(m, 0)}`);
      const res = await authedRequest(r.url).post('/v1/users').send({ username: existing.body.username });
      if (res.status !== 409 || res.body.code !== 'USERNAME_TAKEN') throw new Error(`a taken username got ${res.status} ${res.text}`);
    } else {
      const username = `${m.run}_u${m.nextId++}`;
      const res = await authedRequest(r.url).post('/v1/users').send({ username });
      if (res.status !== 201 || res.body.username !== username) throw new Error(`create user got ${res.status} ${res.text}`);
      m.wallet.users.push(res.body.id as string);
    }
    count(this.taken ? 'create user (taken)' : 'create user');
    await expectConsistent(m, r, this.toString());
  }
  toString = () => (this.taken ? 'createUser(taken)' : 'createUser()');
}

export class Write implements Command {
  constructor(private readonly spec: WriteSpec) {}
  check = () => true;
  run = (m: RunState, r: RealSystem) => executeWrite(m, r, toRequest(m, this.spec), this.spec.enc);
  toString = () => showSpec(this.spec);
}

/** A write naming a user that does not exist: 404, stored nowhere, so its key stays free. */
export class UnknownUserWrite implements Command {
  constructor(
    private readonly spec: WriteSpec,
    private readonly unknownId: string,
  ) {}
  check = () => true;
  async run(m: RunState, r: RealSystem): Promise<void> {
    const req = toRequest(m, this.spec);
    const named = req.kind === 'TRANSFER' ? { ...req, toUserId: this.unknownId } : { ...req, userId: this.unknownId };
    await executeWrite(m, r, named, this.spec.enc);
  }
  toString = () => `unknownUser(${showSpec(this.spec)})`;
}

/** The same key again: the same request (any spelling) replays, a different one is refused. */
export class Retry implements Command {
  constructor(
    private readonly pick: number,
    private readonly variant: RetryVariant,
    private readonly enc: Encoding,
  ) {}
  check = (m: Readonly<RunState>) => m.sent.length > 0;
  run = (m: RunState, r: RealSystem) => executeWrite(m, r, vary(m, m.sent[this.pick % m.sent.length], this.variant), this.enc);
  toString = () => `retry(#${this.pick}, ${this.variant}, ${this.enc.amountAsString ? 'str' : 'num'}/${this.enc.keyCarrier})`;
}

function vary(m: RunState, req: WriteRequest, variant: RetryVariant): WriteRequest {
  switch (variant) {
    case 'same':
      return req;
    case 'amount':
      return { ...req, amount: req.amount < MAX_AMOUNT ? req.amount + 1n : req.amount - 1n };
    case 'endpoint': {
      const { toUserId: _dropped, ...rest } = req;
      return { ...rest, kind: req.kind === 'TOPUP' ? 'BONUS' : req.kind === 'BONUS' ? 'TOPUP' : req.kind === 'SPEND' ? 'TOPUP' : 'SPEND' };
    }
    case 'description':
      return { ...req, description: `${req.description ?? ''}!` };
    case 'metadata':
      return { ...req, metadata: { ...req.metadata, retry: 'yes' } };
    case 'other-user': {
      const i = m.wallet.users.indexOf(req.userId);
      return { ...req, userId: user(m, i < 0 ? 0 : i + 1) };
    }
  }
}

/**
 * Several writes at once (the same users, often the same accounts; optionally one key sent twice).
 * Some serial order must explain every answer; the model continues from that order.
 */
export class Concurrent implements Command {
  constructor(
    private readonly specs: readonly WriteSpec[],
    private readonly duplicate: 'none' | 'same' | 'changed',
  ) {}
  check = () => true;
  async run(m: RunState, r: RealSystem): Promise<void> {
    const requests = this.specs.map((s) => toRequest(m, s));
    const encodings = this.specs.map((s) => s.enc);
    if (this.duplicate !== 'none') {
      const first = requests[0];
      requests.push(this.duplicate === 'same' ? first : { ...first, amount: first.amount < MAX_AMOUNT ? first.amount + 1n : 1n });
      encodings.push({ ...encodings[0], amountAsString: !encodings[0].amountAsString });
    }
    const answers = await Promise.all(requests.map((req, i) => sendWrite(r.url, req, encodings[i])));
    const found = findSerialOrder(m.wallet, requests, answers);
    if ('error' in found) throw new Error(`${this.toString()}: ${found.error}`);
    m.wallet = found.model;
    m.sent.push(...requests);
    count('concurrent batch');
    count('concurrent write', requests.length);
    for (const a of answers) count(`concurrent answer ${a.status}${a.replayed ? ' replayed' : ''}`);
    await expectConsistent(m, r, this.toString());
  }
  toString = () => `concurrently[${this.specs.map(showSpec).join(', ')}${this.duplicate === 'none' ? '' : ` + first again (${this.duplicate})`}]`;
}

export class ReadBalances implements Command {
  constructor(private readonly who: number) {}
  check = () => true;
  async run(m: RunState, r: RealSystem): Promise<void> {
    const userId = user(m, this.who);
    const res = await authedRequest(r.url).get(`/v1/users/${userId}/balances`);
    const want = { userId, balances: ASSETS.map((a) => ({ assetCode: a, balance: m.wallet.balance({ kind: 'USER', userId }, a).toString() })) };
    const got = { ...res.body, balances: [...(res.body.balances ?? [])].sort((a: { assetCode: string }, b: { assetCode: string }) => ASSETS.indexOf(a.assetCode as Asset) - ASSETS.indexOf(b.assetCode as Asset)) };
    count('read balances');
    if (res.status !== 200 || JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(`balances of ${userId}: got ${res.status} ${res.text}, the model says ${JSON.stringify(want)}`);
    }
  }
  toString = () => `readBalances(u${this.who})`;
}

/** Pages through a user's whole history and compares each asset's lines with the model's. */
export class ReadHistory implements Command {
  constructor(
    private readonly who: number,
    private readonly asset: Asset | null,
    private readonly limit: number,
  ) {}
  check = () => true;
  async run(m: RunState, r: RealSystem): Promise<void> {
    const userId = user(m, this.who);
    const items: Array<Record<string, unknown>> = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = { limit: this.limit, ...(this.asset ? { assetCode: this.asset } : {}), ...(cursor ? { cursor } : {}) };
      const res = await authedRequest(r.url).get(`/v1/users/${userId}/transactions`).query(query);
      if (res.status !== 200) throw new Error(`history page of ${userId}: ${res.status} ${res.text}`);
      if (res.body.data.length > this.limit) throw new Error(`a page of ${res.body.data.length} items for limit ${this.limit}`);
      items.push(...res.body.data);
      cursor = res.body.nextCursor;
    } while (cursor !== null && items.length <= 10_000);
    count('read history (lines)', items.length);
    for (const asset of this.asset ? [this.asset] : ASSETS) {
      const got = items.filter((i) => i.assetCode === asset).map((i) => JSON.stringify([i.id, i.type, i.amount, i.direction, i.balanceAfter, i.counterparty, i.idempotencyKey]));
      const want = [...m.wallet.history(userId, asset)].reverse().map((l) =>
        JSON.stringify([l.id, l.type, l.amount.toString(), l.direction, l.balanceAfter.toString(), l.counterparty, l.idempotencyKey]));
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        throw new Error(`history of ${userId} in ${asset} (newest first):\n  got   ${got.join('\n        ')}\n  model ${want.join('\n        ')}`);
      }
    }
    if (items.some((i) => !ASSETS.includes(i.assetCode as Asset) || (this.asset !== null && i.assetCode !== this.asset))) {
      throw new Error(`history of ${userId} has lines of another asset: ${JSON.stringify(items)}`);
    }
  }
  toString = () => `readHistory(u${this.who}, ${this.asset ?? 'all'}, limit ${this.limit})`;
}

/** GET /v1/transactions/{id} returns the transaction exactly as the write returned it. */
export class ReadTransaction implements Command {
  constructor(private readonly pick: number) {}
  check = (m: Readonly<RunState>) => m.wallet.transactions.size > 0;
  async run(m: RunState, r: RealSystem): Promise<void> {
    const ids = [...m.wallet.transactions.keys()];
    const id = ids[this.pick % ids.length];
    const res = await authedRequest(r.url).get(`/v1/transactions/${id}`);
    count('read transaction');
    if (res.status !== 200 || res.text !== m.wallet.transactions.get(id)) {
      throw new Error(`transaction ${id}: got ${res.status} ${res.text}, the write returned ${m.wallet.transactions.get(id)}`);
    }
  }
  toString = () => `readTransaction(#${this.pick})`;
}
