import {
  AppConfig,
  MetricsService,
  normalizeSslMode,
  RateLimitedException,
  SqlExecutor,
  TransactionPoolerClient,
} from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from 'pg';
import { LedgerChecks } from './ledger-checks';
import {
  AssetMismatch,
  AssetScope,
  AssetVerification,
  LEDGER_VERIFY_BUSY_DETAIL,
  LedgerVerification,
  VerifyScope,
} from './ledger-verification';
import { AssetTally, IdWatermark, LedgerVerifyRepository } from './ledger-verify.repository';

export interface VerifyOptions {
  /** Recompute every asset from its first entry instead of from its checkpoint. */
  readonly full?: boolean;
}

/** How long a run waits for the transactions in flight when it starts (see settle). */
const SETTLE_TIMEOUT_MS = 2000;
const SETTLE_POLL_MS = 10;

/**
 * Recomputes the ledger from its journal, in one consistent snapshot (REPEATABLE READ, read only),
 * with the checks of {@link LedgerChecks}, plus: every asset's balances sum to zero.
 *
 * It cannot take the service down:
 * - one run per process at a time: a concurrent call gets a 429 RATE_LIMITED with Retry-After;
 * - its own connection, opened for the run and closed after it, never one of the request pool's,
 *   with its own statement timeout (LEDGER_VERIFY_STATEMENT_TIMEOUT_MS): writes and readiness
 *   keep their connections however long it runs;
 * - incremental: a run that finds nothing wrong records, per asset, a verified checkpoint (the
 *   last journal and entry ids it covers, with their counts and sums); the next routine run
 *   checks only what was posted above it, so its cost follows the traffic since, not the ledger's
 *   size. `full` (and `npm run ledger:verify`) recompute everything and compare the checkpoints.
 *
 * Ids are drawn before commit and batches commit out of order, so "the highest id seen" is no
 * checkpoint: a transaction still running may hold a lower id. A run therefore reads the highest
 * ids handed out (the watermark), waits (up to 2 s) for the transactions in progress at that
 * moment to end, and only then takes its snapshot: every journal and entry at or below the
 * watermark is then committed and visible, or never will be (only this database's sessions are
 * waited for: other databases on the same server cannot write here). If they do not end in time the run
 * still checks everything it sees above the old checkpoint but does not move it. (The ledger
 * draws journal and entry ids after its first statement, so a transaction holding one already
 * has a transaction id to wait for.)
 */
@Injectable()
export class LedgerVerifyService {
  private readonly logger = new Logger(LedgerVerifyService.name);
  private readonly config: AppConfig['database'] & { verifyStatementTimeoutMs: number };
  private running: { startedAt: number } | undefined;
  private lastDurationMs = 1000;

  constructor(
    private readonly repository: LedgerVerifyRepository,
    private readonly checks: LedgerChecks,
    private readonly metrics: MetricsService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.config = {
      ...config.get('database', { infer: true }),
      verifyStatementTimeoutMs: config.get('ledger', { infer: true }).verifyStatementTimeoutMs,
    };
  }

  async verify(options: VerifyOptions = {}): Promise<LedgerVerification> {
    if (this.running) {
      const left = this.lastDurationMs - (Date.now() - this.running.startedAt);
      throw new RateLimitedException(LEDGER_VERIFY_BUSY_DETAIL, left / 1000);
    }
    const run = { startedAt: Date.now() };
    this.running = run;
    try {
      const result = await this.verifyOnOwnConnection(options.full ?? false);
      this.metrics.lastVerifyOk.set(result.ok ? 1 : 0);
      this.metrics.lastVerifyTimestamp.set(Date.now() / 1000);
      return result;
    } finally {
      this.lastDurationMs = Date.now() - run.startedAt;
      this.running = undefined;
    }
  }

  private async verifyOnOwnConnection(full: boolean): Promise<LedgerVerification> {
    const client = await this.connect();
    try {
      const sql = executorOn(client);
      const watermark = await this.repository.watermark(sql);
      const settled = await this.settle(sql);
      const { report, scope, tallies } = await this.inSnapshot(sql, full, watermark);
      if (settled) await this.moveCheckpoints(sql, report, scope, tallies, watermark);
      else this.logger.warn(`transactions still running after ${SETTLE_TIMEOUT_MS} ms: checkpoints not moved this time`);
      return report;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /**
   * The run's connection: the database's settings, its own statement timeout, outside the pool.
   * Behind a transaction-mode pooler the timeouts go with each transaction and statement instead of
   * the session (DATABASE_POOLER=transaction; the pooler refuses them as startup parameters).
   */
  private async connect(): Promise<Client> {
    const timeouts = {
      statementTimeoutMs: this.config.verifyStatementTimeoutMs,
      lockTimeoutMs: this.config.lockTimeoutMs,
      idleInTransactionTimeoutMs: Math.max(this.config.verifyStatementTimeoutMs * 2, 10000),
    };
    const common = {
      connectionString: this.config.url ? normalizeSslMode(this.config.url) : undefined,
      connectionTimeoutMillis: this.config.connectTimeoutMs,
      query_timeout: this.config.verifyStatementTimeoutMs + 1000,
      application_name: 'dino-wallet-verify',
      keepAlive: true,
    };
    const client =
      this.config.pooler === 'transaction'
        ? new TransactionPoolerClient({ ...common, transactionSettings: timeouts })
        : new Client({
            ...common,
            statement_timeout: timeouts.statementTimeoutMs,
            lock_timeout: timeouts.lockTimeoutMs,
            idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
          });
    client.on('error', () => undefined); // a dropped connection fails the statement in flight
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  /** Waits until the transactions in progress now have ended; false if some still run after the timeout. */
  private async settle(sql: SqlExecutor): Promise<boolean> {
    const running = await this.repository.transactionsInProgress(sql);
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    while (running.length > 0 && (await this.repository.stillRunning(sql, running)) > 0) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    }
    return true;
  }

  private async inSnapshot(sql: SqlExecutor, full: boolean, watermark: IdWatermark) {
    await this.repository.beginSnapshot(sql);
    try {
      const checkpoints = new Map((await this.repository.checkpoints(sql)).map((c) => [c.assetCode, c]));
      const totals = await this.repository.assetTotals(sql);
      const assetScopes = totals.map(({ assetCode }): AssetScope => {
        const checkpoint = checkpoints.get(assetCode) ?? null;
        const fromCheckpoint = !full && checkpoint !== null && checkpoint.failedAt === null;
        return {
          assetCode,
          full: !fromCheckpoint,
          journalFrom: fromCheckpoint ? checkpoint.lastJournalId : '0',
          entryFrom: fromCheckpoint ? checkpoint.lastEntryId : '0',
          checkpoint,
        };
      });
      const scope: VerifyScope = { full: assetScopes.every((a) => a.full), assets: assetScopes };
      const found: AssetMismatch[] = totals
        .filter((t) => t.sum !== '0')
        .map((t) => ({
          assetCode: t.assetCode,
          mismatch: {
            kind: 'ASSET_SUM_NOT_ZERO',
            detail: `balances of ${t.assetCode} sum to ${t.sum}`,
            expected: '0',
            actual: t.sum,
          },
        }));
      for (const check of this.checks.all()) found.push(...(await check.run(sql, scope)));
      const tallies = new Map((await this.repository.tally(sql, scope, watermark)).map((t) => [t.assetCode, t]));
      await this.repository.endSnapshot(sql);

      const assets: AssetVerification[] = scope.assets.map(({ assetCode, full: fromStart, checkpoint }, i) => {
        const tally = tallies.get(assetCode);
        const trusted = fromStart ? null : checkpoint;
        return {
          assetCode,
          sum: totals[i].sum,
          accounts: totals[i].accounts,
          entries: Number(BigInt(trusted?.entries ?? 0) + BigInt(tally?.entriesSeen ?? 0)),
          journals: Number(BigInt(trusted?.journals ?? 0) + BigInt(tally?.journalsSeen ?? 0)),
          checkpoint: trusted
            ? { journalId: trusted.lastJournalId, entryId: trusted.lastEntryId, verifiedAt: trusted.verifiedAt.toISOString() }
            : null,
          mismatches: found.filter((f) => f.assetCode === assetCode).map((f) => f.mismatch),
        };
      });
      const report: LedgerVerification = {
        ok: assets.every((a) => a.mismatches.length === 0),
        full: scope.full,
        checkedAt: new Date().toISOString(),
        assets,
      };
      return { report, scope, tallies };
    } catch (error) {
      await this.repository.abandonSnapshot(sql).catch(() => undefined);
      throw error;
    }
  }

  /**
   * An asset without mismatches gets a checkpoint at the watermark. One with mismatches keeps its
   * old checkpoint where it was: a routine run will find the same problems above it again; and if
   * it was recomputed from the start, the checkpoint is marked failed, so that routine runs keep
   * recomputing it (and reporting what was found) until a full run passes.
   */
  private async moveCheckpoints(
    sql: SqlExecutor,
    report: LedgerVerification,
    scope: VerifyScope,
    tallies: ReadonlyMap<string, AssetTally>,
    watermark: IdWatermark,
  ): Promise<void> {
    for (const [i, asset] of scope.assets.entries()) {
      const broken = report.assets[i].mismatches.length > 0;
      const previous = asset.checkpoint;
      if (broken) {
        if (asset.full && previous && previous.failedAt === null) {
          await this.repository.markCheckpointFailed(sql, asset.assetCode, previous.revision);
        }
        continue;
      }
      const base = asset.full ? undefined : previous;
      const tally = tallies.get(asset.assetCode);
      const add = (a: string | undefined, b: string | undefined) => (BigInt(a ?? 0) + BigInt(b ?? 0)).toString();
      await this.repository.saveCheckpoint(
        sql,
        {
          assetCode: asset.assetCode,
          lastJournalId: watermark.journalId,
          lastEntryId: watermark.entryId,
          journals: add(base?.journals, tally?.journalsUpTo),
          entries: add(base?.entries, tally?.entriesUpTo),
          credits: add(base?.credits, tally?.creditsUpTo),
          debits: add(base?.debits, tally?.debitsUpTo),
        },
        previous?.revision ?? null,
      );
    }
  }
}

/** Statements on the run's connection, unnamed so that each is planned with its actual ids. */
function executorOn(client: Client): SqlExecutor {
  return {
    query: async <T>(_name: string, text: string, values: readonly unknown[]): Promise<T[]> =>
      (await client.query({ text, values: values as unknown[] })).rows as T[],
  };
}
