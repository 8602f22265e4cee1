import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { createApiKey } from '../support/api-keys';
import { ledgerViolations } from '../support/ledger-invariants';
import { expectProblem } from '../support/problem-assertions';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * GET /v1/users/{userId}/balances?asOf= (API.md, "Balances at a point in time"): the balances right
 * after every transaction whose createdAt is at or before asOf — exact at every transaction
 * boundary, on both sides of a transfer, in every asset, also when writes race and when a write
 * waits for a lock while a later one overtakes it.
 */

type State = Record<string, Record<string, bigint>>;
interface Posted {
  id: string;
  assetCode: string;
  createdAt: string;
  entries: Array<{ account: { kind: string; userId?: string }; balanceAfter: string }>;
}

const ASSETS = ['DIAMOND', 'GOLD', 'POINT'];
const ms = (iso: string) => new Date(iso).getTime();
const iso = (millis: number) => new Date(millis).toISOString();
const sleep = (millis: number) => new Promise((r) => setTimeout(r, millis));

describe('Balances at a point in time', () => {
  let t: TestApp;
  const api = () => t.client.http();
  const balancesPath = (userId: string) => `/v1/users/${userId}/balances`;

  /** The balances of a user at asOf, as an asset → balance map (and the raw body). */
  async function at(userId: string, asOf: string): Promise<{ balances: Record<string, bigint>; body: Record<string, unknown> }> {
    const res = await api().get(balancesPath(userId)).query({ asOf });
    expect({ status: res.status, body: res.text.slice(0, 200) }).toEqual({ status: 200, body: expect.any(String) });
    const rows = res.body.balances as Array<{ assetCode: string; balance: string }>;
    return { balances: Object.fromEntries(rows.map((r) => [r.assetCode, BigInt(r.balance)])), body: res.body };
  }

  /** What the contract says, computed independently: the sum of the user's entries in transactions stamped at or before asOf. */
  async function oracle(userId: string, asOf: string): Promise<Record<string, bigint>> {
    const rows = await t.db.query<{ asset_code: string; balance: string }>(
      `SELECT s.code AS asset_code, coalesce(sum(e.amount) FILTER (WHERE j.created_at <= $2::timestamptz), 0)::text AS balance
         FROM assets s
         LEFT JOIN accounts a ON a.kind = 'USER' AND a.user_id = $1 AND a.asset_code = s.code
         LEFT JOIN journal_entries e ON e.account_id = a.id
         LEFT JOIN journal_transactions j ON j.id = e.journal_id
        GROUP BY s.code`,
      [userId, asOf],
    );
    return Object.fromEntries(rows.map((r) => [r.asset_code, BigInt(r.balance)]));
  }

  const zeros = () => Object.fromEntries(ASSETS.map((a) => [a, 0n]));

  /** Expected balances of `users` after each distinct createdAt of `posted` (in application order), from the writes' own entries. */
  function statesByInstant(posted: readonly Posted[], users: readonly string[]): Array<{ at: number; state: State }> {
    const state: State = Object.fromEntries(users.map((u) => [u, zeros()]));
    const states: Array<{ at: number; state: State }> = [];
    const sorted = [...posted].sort((a, b) => ms(a.createdAt) - ms(b.createdAt) || Number(BigInt(a.id) - BigInt(b.id)));
    for (const tx of sorted) {
      for (const e of tx.entries)
        if (e.account.kind === 'USER' && state[e.account.userId!])
          state[e.account.userId!][tx.assetCode] = BigInt(e.balanceAfter);
      const snapshot = structuredClone(state);
      const last = states[states.length - 1];
      if (last && last.at === ms(tx.createdAt)) last.state = snapshot;
      else states.push({ at: ms(tx.createdAt), state: snapshot });
    }
    return states;
  }

  async function posted(res: Promise<request.Response> | request.Response): Promise<Posted> {
    const r = await res;
    expect({ status: r.status, body: r.text.slice(0, 200) }).toEqual({ status: 201, body: expect.any(String) });
    return r.body as Posted;
  }

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('one user and a transfer partner, write by write', () => {
    let sender: string;
    let receiver: string;
    const writes: Posted[] = [];

    beforeAll(async () => {
      sender = (await t.client.createUser()).id;
      receiver = (await t.client.createUser()).id;
      const steps = [
        () => t.client.topup(sender, 100),
        () => t.client.bonus(sender, 50, { assetCode: 'POINT' }),
        () => t.client.transfer(sender, receiver, 30),
        () => t.client.spend(sender, 20),
        () => t.client.topup(receiver, 7, { assetCode: 'DIAMOND' }),
        () => t.client.transfer(receiver, sender, 5),
        () => t.client.spend(sender, 50, { assetCode: 'POINT' }),
      ];
      for (const step of steps) {
        writes.push(await posted(step()));
        // Distinct timestamps, so that "between two transactions" exists.
        await sleep(3);
      }
    });

    it('is all "0" before the first transaction, and the first one counts from its exact createdAt', async () => {
      const first = ms(writes[0].createdAt);
      expect((await at(sender, iso(first - 1))).balances).toEqual(zeros());
      expect((await at(sender, '2020-01-01T00:00:00.000Z')).balances).toEqual(zeros());
      expect((await at(sender, iso(first))).balances).toEqual({ ...zeros(), GOLD: 100n });
    });

    it('includes a transaction stamped exactly asOf, excludes it 1 ms before, and holds between two transactions', async () => {
      const states = statesByInstant(writes, [sender, receiver]);
      expect(states).toHaveLength(writes.length);
      let before: State = { [sender]: zeros(), [receiver]: zeros() };
      for (const [i, { at: instant, state }] of states.entries()) {
        for (const user of [sender, receiver]) {
          expect({ i, user, at: 'exactly', balances: (await at(user, iso(instant))).balances }).toEqual({
            i,
            user,
            at: 'exactly',
            balances: state[user],
          });
          expect({ i, user, at: '1 ms before', balances: (await at(user, iso(instant - 1))).balances }).toEqual({
            i,
            user,
            at: '1 ms before',
            balances: before[user],
          });
          const next = states[i + 1]?.at ?? Date.now();
          const between = iso(Math.floor((instant + next) / 2));
          expect({ i, user, at: 'between', balances: (await at(user, between)).balances }).toEqual({
            i,
            user,
            at: 'between',
            balances: state[user],
          });
        }
        before = state;
      }
    });

    it('shows both sides of a transfer at its createdAt', async () => {
      const transfer = writes[2];
      expect((await at(sender, transfer.createdAt)).balances).toEqual({ ...zeros(), GOLD: 70n, POINT: 50n });
      expect((await at(receiver, transfer.createdAt)).balances).toEqual({ ...zeros(), GOLD: 30n });
      expect((await at(receiver, iso(ms(transfer.createdAt) - 1))).balances).toEqual(zeros());
    });

    it('after every transaction equals the current balances, same rows in the same order, with asOf echoed', async () => {
      const now = (await api().get(balancesPath(sender)).expect(200)).body;
      expect(now.asOf).toBeUndefined();
      const asOf = iso(Date.now() - 1);
      const then = await at(sender, asOf);
      expect(then.body).toEqual({ ...now, asOf });
      expect(then.balances).toEqual({ ...zeros(), GOLD: 55n, POINT: 0n });
    });

    it('reads every RFC 3339 spelling of one instant the same way, and echoes it in UTC to the millisecond', async () => {
      const transfer = ms(writes[2].createdAt);
      const exact = iso(transfer); // e.g. 2026-12-01T13:32:49.123Z
      const date = exact.slice(0, 10);
      const time = exact.slice(11, 19);
      const millis = exact.slice(20, 23);
      const plusOne = new Date(transfer + 3_600_000).toISOString();
      const minusFive = new Date(transfer - 5 * 3_600_000).toISOString();
      const spellings = [
        exact,
        `${date}T${time}.${millis}999999Z`, // nanoseconds: cut to the millisecond
        `${date}t${time}.${millis}z`,
        `${plusOne.slice(0, 19)}.${millis}+01:00`,
        `${minusFive.slice(0, 19)}.${millis}-05:00`,
      ];
      const expected = await at(sender, exact);
      expect(expected.balances).toEqual({ ...zeros(), GOLD: 70n, POINT: 50n });
      for (const spelling of spellings) {
        const read = await at(sender, spelling);
        expect({ spelling, body: read.body }).toEqual({ spelling, body: { ...expected.body, asOf: exact } });
      }
      // Without a fraction: the whole second, so only transactions up to .000 of it.
      const whole = `${date}T${time}Z`;
      expect((await at(sender, whole)).body.asOf).toBe(`${date}T${time}.000Z`);
      expect((await at(sender, whole)).balances).toEqual(await oracle(sender, whole));
    });

    it('agrees with the sum of the entries of the transactions stamped at or before asOf', async () => {
      for (const w of writes) {
        for (const instant of [ms(w.createdAt) - 1, ms(w.createdAt), ms(w.createdAt) + 1]) {
          for (const user of [sender, receiver]) {
            expect({ user, instant, balances: (await at(user, iso(instant))).balances }).toEqual({
              user,
              instant,
              balances: await oracle(user, iso(instant)),
            });
          }
        }
      }
    });
  });

  it('is exact when writes race: every transaction of a shared batch timestamp is in, or all are out', async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => t.client.givenUserWithBalance(1000)));
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) => {
        const [a, b] = [users[i % users.length], users[(i * 7 + 1) % users.length]];
        if (i % 3 === 0 && a !== b) return t.client.transfer(a, b, 1 + (i % 5));
        if (i % 3 === 1) return t.client.spend(a, 1 + (i % 4));
        return t.client.topup(a, 2 + (i % 6), { assetCode: i % 2 === 0 ? 'GOLD' : 'POINT' });
      }),
    );
    const instants = [...new Set(results.filter((r) => r.status === 201).map((r) => ms(r.body.createdAt as string)))].sort(
      (a, b) => a - b,
    );
    expect(instants.length).toBeGreaterThan(1);
    for (const instant of instants) {
      for (const probe of [instant - 1, instant]) {
        for (const user of users) {
          expect({ probe, user, balances: (await at(user, iso(probe))).balances }).toEqual({
            probe,
            user,
            balances: await oracle(user, iso(probe)),
          });
        }
      }
    }
    // Within every account, timestamps never decrease in the order the postings were applied.
    const inversions = await t.db.query(
      `SELECT e.account_id, e.id, j.created_at, lag(j.created_at) OVER w AS previous
         FROM journal_entries e JOIN journal_transactions j ON j.id = e.journal_id
       WINDOW w AS (PARTITION BY e.account_id ORDER BY e.id)
        ORDER BY e.id`,
    );
    expect(
      inversions.filter(
        (r) =>
          (r as { previous: Date | null }).previous !== null &&
          (r as { previous: Date }).previous > (r as { created_at: Date }).created_at,
      ),
    ).toEqual([]);
  });

  it('stamps a write that waited for a lock after the write that overtook it, so asOf follows the order they were applied', async () => {
    // a's GOLD account is older (lower id) than x's: a transfer a → x locks a first, then x.
    const a = await t.client.givenUserWithBalance(100);
    const x = await t.client.givenUserWithBalance(1);
    const [{ id: aAccount }] = await t.db.query<{ id: string }>(
      `SELECT id::text FROM accounts WHERE user_id = $1 AND asset_code = 'GOLD'`,
      [a],
    );
    const holder = new Client({ connectionString: t.db.url });
    await holder.connect();
    let transfer: request.Response;
    let topup: Posted;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM accounts WHERE id = $1 FOR UPDATE', [aAccount]);
      const waiting = t.client.transfer(a, x, 10).then((res) => res);
      await sleep(300); // the transfer has begun and waits for a's row, before it locks x's
      topup = await posted(t.client.topup(x, 5)); // x's row is free: this one is applied first
      await holder.query('COMMIT');
      transfer = await waiting;
    } finally {
      await holder.end();
    }
    expect(transfer.status).toBe(201);
    const history = (await t.client.history(x, { assetCode: 'GOLD' })).body.data as Array<{ id: string; balanceAfter: string }>;
    expect(history.slice(0, 2).map((h) => [h.id, h.balanceAfter])).toEqual([
      [transfer.body.id, '16'],
      [topup.id, '6'],
    ]);
    // Applied after the top-up, stamped after it too (not at its transaction's start, before the wait).
    expect(ms(transfer.body.createdAt as string)).toBeGreaterThan(ms(topup.createdAt));
    expect((await at(x, topup.createdAt)).balances.GOLD).toBe(6n);
    expect((await at(x, iso(ms(transfer.body.createdAt as string) - 1))).balances.GOLD).toBe(6n);
    expect((await at(x, transfer.body.createdAt as string)).balances.GOLD).toBe(16n);
    expect((await at(a, transfer.body.createdAt as string)).balances.GOLD).toBe(90n);
    for (const user of [a, x]) {
      for (const instant of [topup.createdAt, transfer.body.createdAt as string]) {
        expect((await at(user, instant)).balances).toEqual(await oracle(user, instant));
      }
    }
  });

  describe('refusals', () => {
    let user: string;
    beforeAll(async () => {
      user = await t.client.givenUserWithBalance(10);
    });

    it.each([
      ['not a date', 'yesterday'],
      ['a date alone', '2026-11-30'],
      ['a time without a zone', '2026-11-30T00:00:00'],
      ['a time without a zone, with milliseconds', '2026-11-30T00:00:00.000'],
      ['an impossible date', '2026-02-30T00:00:00.000Z'],
      ['hour 24', '2026-11-30T24:00:00.000Z'],
      ['a leap second', '2016-12-31T23:59:60.000Z'],
      ['month 13', '2026-13-01T00:00:00.000Z'],
      ['an offset of 24 hours', '2026-11-30T00:00:00.000+24:00'],
      ['an offset without a colon', '2026-11-30T00:00:00.000+0100'],
      ['ten fraction digits', '2026-11-30T00:00:00.0000000000Z'],
      ['a space for T', '2026-11-30 00:00:00.000Z'],
      ['epoch seconds', '1764460800'],
      ['epoch milliseconds', '1764460800000'],
      ['an offset whose + arrived as a space', '2026-11-30T01:00:00 01:00'],
      ['an empty value', ''],
      ['year 0000', '0000-06-01T00:00:00.000Z'],
      ['a future instant', '2999-01-01T00:00:00.000Z'],
      ['SQL', "2026-11-30T00:00:00.000Z' OR '1'='1"],
    ])('refuses %s with 400 VALIDATION_FAILED naming asOf', async (_name, asOf) => {
      const res = await api().get(balancesPath(user)).query({ asOf });
      expectProblem(res, 400, 'VALIDATION_FAILED', 'asOf');
    });

    it('refuses an instant a few seconds ahead, and asOf given twice', async () => {
      expectProblem(
        await api()
          .get(balancesPath(user))
          .query({ asOf: iso(Date.now() + 5000) }),
        400,
        'VALIDATION_FAILED',
        'asOf',
      );
      expectProblem(
        await api().get(`${balancesPath(user)}?asOf=2026-11-30T00:00:00.000Z&asOf=2026-11-29T00:00:00.000Z`),
        400,
        'VALIDATION_FAILED',
        'asOf',
      );
      expectProblem(await api().get(`${balancesPath(user)}?asOf=2026-11-30T00:00:00.000Z%00`), 400, 'VALIDATION_FAILED', 'asOf');
      expectProblem(
        await api().get(balancesPath(user)).query({ asOf: '2026-11-30T00:00:00.000Z', at: 'now' }),
        400,
        'VALIDATION_FAILED',
        'at',
      );
    });

    it('answers 404 USER_NOT_FOUND for an unknown or malformed user id, and 400 first for a bad asOf', async () => {
      const asOf = '2026-11-30T00:00:00.000Z';
      expectProblem(await api().get(balancesPath(randomUUID())).query({ asOf }), 404, 'USER_NOT_FOUND');
      expectProblem(await api().get(balancesPath('not-a-user')).query({ asOf }), 404, 'USER_NOT_FOUND');
      expectProblem(await api().get(balancesPath(randomUUID())).query({ asOf: 'soon' }), 400, 'VALIDATION_FAILED', 'asOf');
    });

    it('needs wallets:read (403 FORBIDDEN naming it without, 401 UNAUTHENTICATED with no credential)', async () => {
      const asOf = iso(Date.now() - 1000);
      const reader = await createApiKey(t.url, ['wallets:read']);
      const other = await createApiKey(t.url, ['users:read', 'wallets:topup']);
      await t.client.as(reader.secret).http().get(balancesPath(user)).query({ asOf }).expect(200);
      const forbidden = await t.client.as(other.secret).http().get(balancesPath(user)).query({ asOf });
      expectProblem(forbidden, 403, 'FORBIDDEN');
      expect(forbidden.body.requiredScope).toBe('wallets:read');
      expectProblem(await request(t.url).get(balancesPath(user)).query({ asOf }), 401, 'UNAUTHENTICATED');
    });
  });

  it('shows the held funds at that instant too: a hold, then its capture', async () => {
    const holder = await t.client.givenUserWithBalance(500n);
    const hold = await t.client.createHold(holder, 120);
    expect(hold.status).toBe(201);
    const heldAt = hold.body.createdAt as string;
    const captured = await t.client.captureHold(hold.body.id as string, { amount: 100 });
    expect(captured.status).toBe(200);
    const row = async (asOf: string) =>
      (
        (await api().get(balancesPath(holder)).query({ asOf }).expect(200)).body.balances as Array<{
          assetCode: string;
          balance: string;
          held: string;
        }>
      ).find((r) => r.assetCode === 'GOLD');
    expect(await row(iso(ms(heldAt) - 1))).toEqual({ assetCode: 'GOLD', balance: '500', held: '0' });
    expect(await row(heldAt)).toEqual({ assetCode: 'GOLD', balance: '380', held: '120' });
    expect(await row(captured.body.finishedAt as string)).toEqual({ assetCode: 'GOLD', balance: '400', held: '0' });
  });

  it('leaves the ledger verified', async () => {
    expect(await ledgerViolations(t.db)).toEqual([]);
    const report = await t.client.verify({ full: true });
    expect(report.ok).toBe(true);
  });
});
