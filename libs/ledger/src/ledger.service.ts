import {
  AppConfig,
  databaseErrorCode,
  executorOf,
  isDatabaseUnavailableError,
  MetricsService,
  PipelinedTransactionRunner,
  ServiceUnavailableException,
  SqlExecutor,
  UserNotFoundException,
} from '@app/common';
import { IdempotencyKeyReusedException, IdempotencyRecordsService, scopedKey, WriteResult } from '@app/idempotency';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountResolver } from './account-resolver';
import { AccountBook } from './posting/account-book';
import type { PostingCommand, PostingOutcome } from './domain/posting';
import { GroupCommitQueue, QueueClosedError, QueueFullError, Settled } from './group-commit-queue';
import { LedgerRepository } from './ledger.repository';
import { accountRequests, BatchPlan, planBatch, ReadyCommand, readyCommands } from './posting/batch-planner';
import { decideOnFailure, toClientError } from './posting/failure-policy';
import { BatchReport, fail, PostingResult, PostingUnit } from './posting/posting-unit';
import type { RuleSettings } from './rules/posting-rule';

type Ready = { index: number } & ReadyCommand;

/** `ledger_stale_balance` (migration 1764000000070): an account's balance was not the one the batch was decided from. */
const STALE_BALANCE = 'DW001';

/**
 * The ledger's domain service, a thin façade: posts balanced journal transactions.
 *
 * Writes are grouped (see {@link GroupCommitQueue}): all postings that arrive while a batch is in
 * flight go together in the next database transaction ({@link PostingUnit}), which reads their
 * idempotency records, locks every account of the batch once in the ledger's one lock order, applies
 * the postings' rules in arrival order in memory and writes everything in two pipelined round
 * trips. The hot treasury row is therefore locked once per batch instead of once per request. The
 * whole transaction is retried on deadlock or serialization failure, and when another process
 * stored one of its keys first; if it fails otherwise, the failure policy decides
 * ({@link decideOnFailure}).
 */
@Injectable()
export class LedgerService implements OnApplicationShutdown {
  private readonly logger = new Logger(LedgerService.name);
  private readonly queue: GroupCommitQueue<PostingCommand, PostingResult>;
  private readonly maxAttempts: number;
  private readonly settings: RuleSettings;
  /** Statements outside a batch (probes, key look-ups before a 404). */
  private readonly pool: SqlExecutor;

  constructor(
    private readonly transactions: PipelinedTransactionRunner,
    private readonly unit: PostingUnit,
    private readonly ledger: LedgerRepository,
    private readonly idempotency: IdempotencyRecordsService,
    private readonly accounts: AccountResolver,
    private readonly metrics: MetricsService,
    private readonly book: AccountBook,
    @InjectDataSource() dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    this.pool = executorOf(dataSource);
    const settings = config.get('ledger', { infer: true });
    this.maxAttempts = settings.maxAttempts;
    const limits = settings.transferDailyLimit;
    this.settings = { transferDailyLimit: (assetCode) => limits.perAsset.get(assetCode) ?? limits.default };
    this.queue = new GroupCommitQueue({
      maxBatchSize: settings.maxBatchSize,
      maxQueue: settings.maxQueue,
      concurrency: settings.batchConcurrency,
      run: (commands) => this.postBatch(commands),
      onQueueDepth: (depth) => metrics.queueDepth.set(depth),
    });
  }

  /** Posts one request's command with the next batch; resolves once its transaction has committed. */
  async post(command: PostingCommand): Promise<WriteResult> {
    if (!command.render || !command.idempotency) throw new Error('a request posts with an idempotency claim and a renderer');
    const { status, body, replayed } = await this.submit(command);
    return { status, body, replayed };
  }

  /** Posts a command the service started itself (no idempotency claim, no response): its outcome. */
  async postSystem(command: PostingCommand): Promise<PostingOutcome> {
    const { outcome } = await this.submit(command);
    if (!outcome) throw new Error('a system posting has no stored outcome to replay');
    return outcome;
  }

  /** Lets accepted postings finish before the connection pool closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  /**
   * Posts a batch in one transaction and settles each command on its own. Public so that tests
   * can compose a batch exactly; the service goes through {@link post}.
   */
  async postBatch(commands: readonly PostingCommand[]): Promise<Array<Settled<PostingResult>>> {
    const results: Array<Settled<PostingResult> | undefined> = commands.map(() => undefined);
    let resolved: { ready: Ready[]; ids: Map<string, string | null> };
    try {
      resolved = await this.resolveAccounts(commands, results);
    } catch (error) {
      return commands.map(() => fail(toClientError(error)));
    }
    const { ready, ids } = resolved;
    // Decided before any I/O, once: both ways (and the two-flight way's retries) run this plan.
    const plan = planBatch(ready, this.settings);
    const single = ready.length > 0 ? await this.postSingleFlight(ready, plan, ids) : undefined;
    if (single && 'unavailable' in single) {
      await this.settleFailedBatch(ready, single.unavailable, results);
    } else if (single) {
      single.results.forEach((r, k) => (results[ready[k].index] = r));
    } else if (ready.length > 0) {
      try {
        const report = await this.transactions.run((tx) => this.unit.run(tx, ready, plan, ids, this.settings), {
          maxAttempts: this.maxAttempts,
          onRetry: () => this.metrics.transactionRetries.inc(),
          // Another process stored one of the batch's keys after this batch read them: run again, it replays.
          retryOn: (error) => this.idempotency.isKeyTaken(error),
        });
        this.committed(report, false);
        report.results.forEach((r, k) => (results[ready[k].index] = r));
      } catch (error) {
        await this.settleFailedBatch(ready, error, results);
      }
    }
    return results.map((r) => r ?? fail(new Error('posting left unsettled')));
  }

  /**
   * The batch in one round trip when it can go so ({@link PostingUnit.decideSingleFlight}), else
   * undefined: also when that transaction failed — it rolled back whole, and the caller posts the
   * batch the two-flight way, which reads balances and records afresh (and replays a key that turned
   * out to have one). A lost connection is the exception: whether its COMMIT landed is unknown, so
   * the batch's writes are answered as any batch's would be then (503: retry with the same key),
   * not posted again behind the client's back.
   */
  private async postSingleFlight(
    ready: readonly Ready[],
    plan: BatchPlan,
    ids: ReadonlyMap<string, string | null>,
  ): Promise<BatchReport | { readonly unavailable: unknown } | undefined> {
    const decided = this.unit.decideSingleFlight(ready, plan, ids, this.settings);
    if (!decided) return undefined;
    try {
      const allocation = await this.transactions.run(async (tx) => ({ sent: this.unit.sendSingleFlight(tx, decided) }), {
        maxAttempts: 1,
        // Every statement of it reads and writes by key (a batch's triggers too): planned once per connection.
        plans: 'generic',
      });
      const report = this.unit.finishSingleFlight(ready, decided, await allocation.sent);
      this.committed(report, true);
      return report;
    } catch (error) {
      if (isDatabaseUnavailableError(error)) return { unavailable: error };
      const reason = this.singleFlightFailure(error);
      // Another process writes these accounts too: most single flights would fail for a while.
      if (reason === 'stale_balance') this.book.failed();
      this.metrics.singleFlightFallbacks.inc({ reason });
      return undefined;
    }
  }

  private async submit(command: PostingCommand): Promise<PostingResult> {
    try {
      return await this.queue.submit(command);
    } catch (error) {
      if (error instanceof QueueClosedError) {
        throw new ServiceUnavailableException('The service is shutting down. Retry with the same idempotency key.');
      }
      if (error instanceof QueueFullError) {
        throw new ServiceUnavailableException('The ledger is overloaded. Retry later with the same idempotency key.');
      }
      throw error;
    }
  }

  private async resolveAccounts(
    commands: readonly PostingCommand[],
    results: Array<Settled<PostingResult> | undefined>,
  ): Promise<{ ready: Ready[]; ids: Map<string, string | null> }> {
    const ids = await this.accounts.resolve(commands.flatMap((c) => accountRequests(c)));
    const { ready, missing } = readyCommands(commands, ids);
    if (missing.length > 0) await this.refuseUnknownUsers(commands, missing, results);
    return { ready, ids };
  }

  /**
   * A write naming a user that does not exist is a 404 — unless its key was already used by the
   * acting user for another request: the key's record answers first (422), as for any reused key.
   */
  private async refuseUnknownUsers(
    commands: readonly PostingCommand[],
    missing: ReadonlyArray<{ index: number; userId: string }>,
    results: Array<Settled<PostingResult> | undefined>,
  ): Promise<void> {
    const claims = missing.flatMap(({ index }) => commands[index].idempotency ?? []);
    const records = await this.idempotency.findMany(this.pool, claims);
    const used = new Set(records.map((r) => scopedKey(r.userId, r.key)));
    for (const { index, userId } of missing) {
      const claim = commands[index].idempotency;
      results[index] = fail(
        claim && used.has(scopedKey(claim.userId, claim.key))
          ? new IdempotencyKeyReusedException()
          : new UserNotFoundException(userId),
      );
    }
  }

  /** The batch transaction failed and rolled back: see {@link decideOnFailure}. */
  private async settleFailedBatch(
    ready: readonly Ready[],
    error: unknown,
    results: Array<Settled<PostingResult> | undefined>,
  ): Promise<void> {
    const decision = decideOnFailure(error, ready.length);
    if (decision === 'split-lock-timeout') {
      const held = await this.ledger
        .heldElsewhere(
          this.pool,
          ready.flatMap((r) => r.accountIds),
        )
        .catch(() => undefined);
      const blocked = held && ready.filter((r) => r.accountIds.some((id) => held.has(id)));
      if (blocked && blocked.length > 0 && blocked.length < ready.length) {
        this.logger.warn(
          `lock timeout: ${blocked.length} of ${ready.length} postings wait for accounts held elsewhere; posting the others`,
        );
        for (const r of blocked) results[r.index] = fail(toClientError(error));
        const others = ready.filter((r) => !blocked.includes(r));
        const settled = await this.postBatch(others.map((r) => r.command));
        others.forEach((r, k) => (results[r.index] = settled[k]));
        return;
      }
      // The probe found none (or all) of them blocked: each posting on its own finds out.
    }
    if (decision === 'fail-all') {
      if (!isDatabaseUnavailableError(error)) this.logger.error(`posting failed: ${describe(error)}`);
      for (const r of ready) results[r.index] = fail(toClientError(error));
      return;
    }
    this.logger.warn(`batch of ${ready.length} failed (${describe(error)}); posting its commands one by one`);
    for (const r of ready) {
      results[r.index] = (await this.postBatch([r.command]))[0];
    }
  }

  /** Why a single flight rolled back, as a metric label. */
  private singleFlightFailure(error: unknown): 'stale_balance' | 'key_taken' | 'other' {
    if (databaseErrorCode(error) === STALE_BALANCE) return 'stale_balance';
    if (this.idempotency.isKeyTaken(error)) return 'key_taken';
    return 'other';
  }

  private committed(report: BatchReport, singleFlight: boolean): void {
    this.book.committed(report.accounts, singleFlight);
    this.metrics.batches.inc({ path: singleFlight ? 'single_flight' : 'two_flights' });
    this.record(report);
  }

  private record(report: BatchReport): void {
    this.metrics.batchSize.observe(report.results.length);
    for (const c of report.posted) this.metrics.postings.inc({ type: postingType(c), asset: postingAsset(c) });
    for (const r of report.rejected) this.metrics.rejections.inc({ code: r.code });
  }
}

function postingType(command: PostingCommand): string {
  const { intent } = command;
  switch (intent.kind) {
    case 'MOVE':
      return intent.type;
    case 'REFUND':
      return 'REFUND';
    case 'HOLD':
      return 'HOLD';
    case 'SETTLE_HOLD':
      return `HOLD_${intent.action}`;
  }
}

function postingAsset(command: PostingCommand): string {
  const { intent } = command;
  switch (intent.kind) {
    case 'MOVE':
    case 'HOLD':
      return intent.assetCode;
    case 'REFUND':
      return intent.original.assetCode;
    case 'SETTLE_HOLD':
      return intent.hold.assetCode;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
