import type { Response } from 'supertest';
import { authedRequest } from './auth';
import { FaultyProxy } from './faulty-proxy';
import { inParallel, postJson, sleep } from './http-json';
import { ledgerViolations } from './ledger-invariants';
import { spawnService, SpawnedService } from './spawned-service';
import { TestDatabase } from './test-database';
import { WalletClient } from './wallet-client';
import { ClientLedger, classify, journalsByKey, Operation, operation, submitUntilSettled, Tally } from './wallet-workload';

/** Short server-side timeouts, so that no request waits long on a database that does not answer. */
export const SHORT_DATABASE_TIMEOUTS = {
  DATABASE_CONNECT_TIMEOUT_MS: '1000',
  DATABASE_STATEMENT_TIMEOUT_MS: '2000',
  DATABASE_LOCK_TIMEOUT_MS: '1000',
  DATABASE_POOL_SIZE: '6',
};

/** "Quickly": far below a client's timeout. Not a latency target. */
export const ANSWER_WITHIN_MS = 10000;

/**
 * The compiled service as its own process, reaching its own database through a {@link FaultyProxy}
 * that a test breaks and repairs; the test itself reads the database directly (`db`).
 */
export class ServiceBehindProxy {
  readonly client: WalletClient;

  private constructor(
    readonly db: TestDatabase,
    readonly proxy: FaultyProxy,
    readonly service: SpawnedService,
  ) {
    this.client = new WalletClient(service.url);
  }

  static async start(env: Record<string, string> = SHORT_DATABASE_TIMEOUTS): Promise<ServiceBehindProxy> {
    const db = await TestDatabase.create();
    const proxy = await FaultyProxy.start(db.url);
    const service = await spawnService({ DATABASE_URL: proxy.route(db.url), ...env });
    return new ServiceBehindProxy(db, proxy, service);
  }

  get url(): string {
    return this.service.url;
  }

  post(path: string, key: string, body: object): Promise<Response> {
    return authedRequest(this.url).post(path).set('Idempotency-Key', key).timeout({ response: 30000 }).send(body);
  }

  get(path: string): Promise<Response> {
    return authedRequest(this.url).get(path).timeout({ response: 30000 });
  }

  /** Polls `path` until it answers `status` or `withinMs` pass; returns the last answer. */
  async waitFor(path: string, status: number, withinMs: number): Promise<{ res: Response; ms: number }> {
    const started = Date.now();
    for (;;) {
      const res = await this.get(path);
      if (res.status === status || Date.now() - started > withinMs) return { res, ms: Date.now() - started };
      await sleep(100);
    }
  }

  /** The service's error lines, to say what a 500 was. */
  errorLog(): string[] {
    return this.service
      .output()
      .split('\n')
      .filter((line) => /unexpected error|posting failed|"level":60/.test(line))
      .slice(-8);
  }

  /**
   * pg_terminate_backend on every session the service has open on its database. Two statements:
   * in one, the planner may call pg_terminate_backend before the filters.
   */
  async terminateSessions(): Promise<number> {
    const sessions = await this.db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = 'dino-wallet' AND datname = current_database()`,
    );
    const ended = await this.db.query<{ ok: boolean }>(`SELECT pg_terminate_backend(pid) AS ok FROM unnest($1::int[]) AS pid`, [
      sessions.map((s) => s.pid),
    ]);
    return ended.filter((e) => e.ok).length;
  }

  async stop(): Promise<void> {
    if (this.service.child.exitCode === null) this.service.child.kill('SIGTERM');
    await this.service.exited;
    await this.proxy.close();
    await this.db.drop();
  }

  /**
   * 240 writes over four users, 40 in flight, while `disrupt` breaks the service's sessions: every
   * request must get a contract answer (201, a stored 422, or 503); retried with their keys, the
   * 503s settle, each key ends with exactly one journal, the balances are what the 201s imply and
   * the ledger verifies. Returns the tally of the first answers.
   */
  async burstThrough(label: string, disrupt: (answered: () => number) => Promise<void>): Promise<Tally> {
    const users = await Promise.all([0, 1, 2, 3].map(() => this.client.givenUserWithBalance(500n)));
    const ledger = new ClientLedger();
    const prefix = `${label}-${Date.now()}-`;
    const ops: Operation[] = Array.from({ length: 240 }, (_, i) => {
      const u = users[i % 4];
      if (i % 3 === 0) return operation('topup', `${prefix}${i}`, u, 'GOLD', BigInt(1 + (i % 50)));
      if (i % 3 === 1) return operation('transfer', `${prefix}${i}`, u, 'GOLD', BigInt(1 + (i % 40)), users[(i + 1) % 4]);
      return operation('spend', `${prefix}${i}`, u, 'GOLD', BigInt(1 + (i % 30)));
    });
    const first = new Tally();
    const retry: Operation[] = [];
    const unexpected: string[] = [];
    let answered = 0;
    const disruption = disrupt(() => answered);
    await inParallel(ops, 40, async (op) => {
      const res = await postJson(this.url, op.path, op.body, { key: op.key, timeoutMs: 30000 });
      answered++;
      first.see(res.status);
      const verdict = classify(res);
      if (verdict === 'unexpected' || (verdict === 'retry' && res.status !== 503))
        unexpected.push(`${res.status} ${res.text.slice(0, 200)}`);
      else if (verdict === 'retry') retry.push(op);
      else ledger.settle(op, res);
    });
    await disruption;
    expect({ unexpected, log: unexpected.length ? this.errorLog() : [] }).toEqual({ unexpected: [], log: [] });

    await this.waitFor('/health/ready', 200, ANSWER_WITHIN_MS);
    const retries = new Tally();
    for (const op of retry) {
      const settled = await submitUntilSettled(op, ledger, retries, {
        send: () => postJson(this.url, op.path, op.body, { key: op.key }),
      });
      expect({ key: op.key, settled }).toEqual({ key: op.key, settled: true });
    }
    expect(retries.unexpected).toEqual([]);
    expect(ledger.violations).toEqual([]);
    expect(ledger.accepted + ledger.rejected).toBe(ops.length);
    expect(ledger.checkJournals(await journalsByKey((sql, params) => this.db.query(sql, params), prefix))).toEqual([]);
    const expected = ledger.expectedBalances();
    for (const u of users) {
      expect({ u, gold: await this.client.balance(u) }).toEqual({ u, gold: 500n + (expected.get(u)?.get('GOLD') ?? 0n) });
    }
    expect((await this.client.verify()).ok).toBe(true);
    expect(await ledgerViolations(this.db)).toEqual([]);
    process.stdout.write(
      `${label}: first answers ${JSON.stringify(Object.fromEntries(first.statuses))}, ${retry.length} retried\n`,
    );
    return first;
  }
}
