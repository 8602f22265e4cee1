import fc from 'fast-check';
import { authedRequest } from '../support/auth';
import type { TestDatabase } from '../support/test-database';
import { describeRequest, findSerialOrder, journalMismatch, mismatch, parse } from './wallet-answers';
import { Baseline, databaseMismatches, Encoding, sendWrite } from './wallet-driver';
import { Asset, ASSETS, HoldRequest, HoldStatus, MoveRequest, WalletModel, WriteRequest } from './wallet-model';
import { canRun, changed, HoldSpec, MoveSpec, OpSpec, RetryVariant, showSpec, toRequest, userAt, vary } from './wallet-specs';

export { MAX_AMOUNT, RETRY_VARIANTS } from './wallet-specs';
export type { MoveSpec as WriteSpec } from './wallet-specs';

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

/** After every command: the service's database agrees with the model and the ledger is sound. */
async function expectConsistent(m: RunState, r: RealSystem, after: string): Promise<void> {
  const problems = await databaseMismatches(r.db, m.wallet, r.baseline);
  if (problems.length > 0) throw new Error(`after ${after}:\n  ${problems.join('\n  ')}`);
}

function user(m: RunState, index: number): string {
  return userAt(m.wallet, index);
}

function request(m: RunState, spec: OpSpec): WriteRequest | undefined {
  return toRequest(m.wallet, spec, `${m.run}-k${m.nextId++}`);
}

async function executeWrite(m: RunState, r: RealSystem, req: WriteRequest, enc: Encoding): Promise<void> {
  const expected = m.wallet.decide(req);
  const answer = await sendWrite(r.url, req, enc);
  const why = mismatch(req, expected, answer);
  if (why) throw new Error(`${describeRequest(req)}: ${why}`);
  m.wallet.commit(req, expected, answer);
  m.sent.push(req);
  count(`${req.kind.toLowerCase()} ${expected.outcome === 'HOLD' ? expected.hold.status : expected.outcome}`);
  await expectConsistent(m, r, describeRequest(req));
}

export class CreateUser implements Command {
  constructor(private readonly taken: boolean) {}
  check = () => true;
  async run(m: RunState, r: RealSystem): Promise<void> {
    if (this.taken) {
      const existing = await authedRequest(r.url).get(`/v1/users/${user(m, 0)}`);
      const res = await authedRequest(r.url).post('/v1/users').send({ username: existing.body.username });
      if (res.status !== 409 || res.body.code !== 'USERNAME_TAKEN')
        throw new Error(`a taken username got ${res.status} ${res.text}`);
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

/** Any write: a move, a refund, a hold, a capture or a void (one that names nothing yet does not run). */
export class Write implements Command {
  constructor(private readonly spec: OpSpec) {}
  check = (m: Readonly<RunState>) => canRun(m.wallet, this.spec);
  run = (m: RunState, r: RealSystem) => executeWrite(m, r, request(m, this.spec) as WriteRequest, this.spec.enc);
  toString = () => showSpec(this.spec);
}

/** A write naming a user that does not exist: 404, stored nowhere, so its key stays free. */
export class UnknownUserWrite implements Command {
  constructor(
    private readonly spec: MoveSpec | HoldSpec,
    private readonly unknownId: string,
  ) {}
  check = () => true;
  async run(m: RunState, r: RealSystem): Promise<void> {
    const req = request(m, this.spec) as MoveRequest | HoldRequest;
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
  run = (m: RunState, r: RealSystem) =>
    executeWrite(m, r, vary(m.wallet, m.sent[this.pick % m.sent.length], this.variant), this.enc);
  toString = () => `retry(#${this.pick}, ${this.variant}, ${this.enc.amountAsString ? 'str' : 'num'}/${this.enc.keyCarrier})`;
}

/**
 * Several writes at once (the same users, often the same accounts; optionally one key sent twice).
 * Some serial order must explain every answer; the model continues from that order.
 */
export class Concurrent implements Command {
  constructor(
    private readonly specs: readonly OpSpec[],
    private readonly duplicate: 'none' | 'same' | 'changed',
    private readonly label = 'concurrently',
  ) {}
  check = (m: Readonly<RunState>) => this.specs.some((s) => canRun(m.wallet, s));
  async run(m: RunState, r: RealSystem): Promise<void> {
    const runnable = this.specs.filter((s) => canRun(m.wallet, s));
    const requests = runnable.map((s) => request(m, s) as WriteRequest);
    const encodings = runnable.map((s) => s.enc);
    if (this.duplicate !== 'none') {
      const first = requests[0];
      requests.push(this.duplicate === 'same' ? first : changed(first));
      encodings.push({ ...encodings[0], amountAsString: !encodings[0].amountAsString });
    }
    const answers = await Promise.all(requests.map((req, i) => sendWrite(r.url, req, encodings[i])));
    const found = findSerialOrder(m.wallet, requests, answers);
    if ('error' in found) throw new Error(`${this.toString()}: ${found.error}`);
    m.wallet = found.model;
    m.sent.push(...requests);
    count(`${this.label} batch`);
    count(`${this.label} write`, requests.length);
    for (const a of answers) count(`concurrent answer ${a.status}${a.replayed ? ' replayed' : ''}`);
    await expectConsistent(m, r, this.toString());
  }
  toString = () =>
    `${this.label}[${this.specs.map(showSpec).join(', ')}${this.duplicate === 'none' ? '' : ` + first again (${this.duplicate})`}]`;
}

export class ReadBalances implements Command {
  constructor(private readonly who: number) {}
  check = () => true;
  async run(m: RunState, r: RealSystem): Promise<void> {
    const userId = user(m, this.who);
    const res = await authedRequest(r.url).get(`/v1/users/${userId}/balances`);
    const want = {
      userId,
      balances: ASSETS.map((a) => ({
        assetCode: a,
        balance: m.wallet.balance({ kind: 'USER', userId }, a).toString(),
        held: m.wallet.balance({ kind: 'HELD', userId }, a).toString(),
      })),
    };
    const got = {
      ...res.body,
      balances: [...(res.body.balances ?? [])].sort(
        (a: { assetCode: string }, b: { assetCode: string }) =>
          ASSETS.indexOf(a.assetCode as Asset) - ASSETS.indexOf(b.assetCode as Asset),
      ),
    };
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
      const query: Record<string, string | number> = {
        limit: this.limit,
        ...(this.asset ? { assetCode: this.asset } : {}),
        ...(cursor ? { cursor } : {}),
      };
      const res = await authedRequest(r.url).get(`/v1/users/${userId}/transactions`).query(query);
      if (res.status !== 200) throw new Error(`history page of ${userId}: ${res.status} ${res.text}`);
      if (res.body.data.length > this.limit) throw new Error(`a page of ${res.body.data.length} items for limit ${this.limit}`);
      items.push(...res.body.data);
      cursor = res.body.nextCursor;
    } while (cursor !== null && items.length <= 10_000);
    count('read history (lines)', items.length);
    for (const asset of this.asset ? [this.asset] : ASSETS) {
      const got = items
        .filter((i) => i.assetCode === asset)
        .map((i) => JSON.stringify([i.id, i.type, i.amount, i.direction, i.balanceAfter, i.counterparty, i.idempotencyKey]));
      const want = [...m.wallet.history(userId, asset)]
        .reverse()
        .map((l) =>
          JSON.stringify([
            l.id,
            l.type,
            l.amount.toString(),
            l.direction,
            l.balanceAfter.toString(),
            l.counterparty,
            l.idempotencyKey,
          ]),
        );
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        throw new Error(
          `history of ${userId} in ${asset} (newest first):\n  got   ${got.join('\n        ')}\n  model ${want.join('\n        ')}`,
        );
      }
    }
    if (items.some((i) => !ASSETS.includes(i.assetCode as Asset) || (this.asset !== null && i.assetCode !== this.asset))) {
      throw new Error(`history of ${userId} has lines of another asset: ${JSON.stringify(items)}`);
    }
  }
  toString = () => `readHistory(u${this.who}, ${this.asset ?? 'all'}, limit ${this.limit})`;
}

/**
 * GET /v1/transactions/{id}: a write's own transaction exactly as the write returned it, with what
 * was refunded of it since (`refundedAmount`, `refunds`); a hold's movements as the model posted them.
 */
export class ReadTransaction implements Command {
  constructor(private readonly pick: number) {}
  check = (m: Readonly<RunState>) => m.wallet.transactions.size > 0;
  async run(m: RunState, r: RealSystem): Promise<void> {
    const ids = [...m.wallet.transactions.keys()];
    const id = ids[this.pick % ids.length];
    const res = await authedRequest(r.url).get(`/v1/transactions/${id}`);
    count('read transaction');
    const tx = m.wallet.transaction(id);
    const want = m.wallet.transactionBody(id);
    if (res.status !== 200) throw new Error(`transaction ${id}: got ${res.status} ${res.text}`);
    if (want !== null && res.text !== want) throw new Error(`transaction ${id}: got ${res.text}, the model says ${want}`);
    const why = want === null ? journalMismatch(tx, parse(res.text), tx.refunded, tx.refunds) : undefined;
    if (why !== undefined || parse(res.text).id !== id) throw new Error(`transaction ${id}: ${why ?? 'another id'}: ${res.text}`);
  }
  toString = () => `readTransaction(#${this.pick})`;
}

/** GET /v1/holds/{id} answers exactly what the hold's last write answered. */
export class ReadHold implements Command {
  constructor(private readonly pick: number) {}
  check = (m: Readonly<RunState>) => m.wallet.holds.size > 0;
  async run(m: RunState, r: RealSystem): Promise<void> {
    const holds = [...m.wallet.holds.values()];
    const hold = holds[this.pick % holds.length];
    // Any spelling of the id names the hold.
    const res = await authedRequest(r.url).get(`/v1/holds/${this.pick % 2 ? hold.id.toUpperCase() : hold.id}`);
    count('read hold');
    if (res.status !== 200 || res.text !== hold.text)
      throw new Error(`hold ${hold.id}: got ${res.status} ${res.text}, the model says ${hold.text}`);
  }
  toString = () => `readHold(#${this.pick})`;
}

/** GET /v1/users/{id}/holds[?status=]: the user's holds (of that status), newest first, each as GET /v1/holds/{id} shows it. */
export class ListHolds implements Command {
  constructor(
    private readonly who: number,
    private readonly status: HoldStatus | null,
  ) {}
  check = () => true;
  async run(m: RunState, r: RealSystem): Promise<void> {
    const userId = user(m, this.who);
    const res = await authedRequest(r.url)
      .get(`/v1/users/${userId}/holds`)
      .query(this.status ? { status: this.status } : {});
    count('list holds');
    if (res.status !== 200) throw new Error(`holds of ${userId}: ${res.status} ${res.text}`);
    const items = res.body.data as Array<{ id: string; createdAt: string }>;
    const got = items.map((h) => JSON.stringify(h)).sort();
    const want = [...m.wallet.holds.values()]
      .filter((h) => h.userId === userId && (this.status === null || h.status === this.status))
      .map((h) => h.text)
      .sort();
    if (JSON.stringify(got) !== JSON.stringify(want))
      throw new Error(
        `holds of ${userId} (${this.status ?? 'all'}):\n  got   ${got.join('\n        ')}\n  model ${want.join('\n        ')}`,
      );
    if (items.some((h, i) => i > 0 && h.createdAt > items[i - 1].createdAt))
      throw new Error(`holds of ${userId} are not newest first: ${res.text}`);
  }
  toString = () => `listHolds(u${this.who}, ${this.status ?? 'all'})`;
}
