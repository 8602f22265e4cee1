import {
  AppConfig,
  databaseErrorCode,
  isDatabaseUnavailableError,
  isRetryableTransactionError,
  MetricsService,
  executorOf,
  PipelinedTransaction,
  PipelinedTransactionRunner,
  ServiceUnavailableException,
  SqlExecutor,
  UserNotFoundException,
} from '@app/common';
import {
  IdempotencyKeyInProgressException,
  IdempotencyKeyReusedException,
  IdempotencyRepository,
  scopedKey,
  WriteResult,
} from '@app/idempotency';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountResolver } from './account-resolver';
import { AppliedLeg, applyLeg, LockedAccount, lockOrder } from './domain/posting-engine';
import { accountRefKey, AccountRef, PostedTransaction, PostingCommand, PostingOutcome, Rejection } from './domain/posting';
import { GroupCommitQueue, QueueClosedError, QueueFullError, Settled } from './group-commit-queue';
import { JournalAllocation, JournalInsert, LedgerRepository } from './ledger.repository';

/** A command whose accounts are known. */
interface ReadyCommand {
  readonly command: PostingCommand;
  readonly fromAccountId: string;
  readonly toAccountId: string;
}

/** What one batch transaction decided, reported to metrics only after it committed. */
interface BatchReport {
  readonly results: Array<Settled<WriteResult>>;
  readonly posted: PostingCommand[];
  readonly rejected: Rejection[];
}

/** SQLSTATE of lock_timeout. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * The ledger's domain service: posts balanced journal transactions.
 *
 * Writes are grouped (see {@link GroupCommitQueue}): all postings that arrive while a batch is in
 * flight go together in the next database transaction, which
 *  1. claims every idempotency key (a replay or a reused key is answered from the stored record),
 *  2. locks every account of the batch once, in one statement, in the ledger's one lock order
 *     (user accounts by ascending id, then system accounts) — one order across the whole batch
 *     and every process, so crossed transfers cannot deadlock,
 *  3. applies the postings in arrival order in memory (each sees the balances the previous ones
 *     left: exact `balanceAfter`, and one request's INSUFFICIENT_FUNDS does not fail the others),
 *  4. writes journals, entries and balances in one statement, and the stored responses in another,
 * in two pipelined round trips (see postInTransaction).
 * The hot treasury row is therefore locked once per batch instead of once per request. The whole
 * transaction is retried on deadlock or serialization failure; if it fails otherwise, its postings
 * are retried one per transaction so that only the one at fault fails.
 */
@Injectable()
export class LedgerService implements OnApplicationShutdown {
  private readonly logger = new Logger(LedgerService.name);
  private readonly queue: GroupCommitQueue<PostingCommand, WriteResult>;
  private readonly maxAttempts: number;
  /** Statements outside a batch (probes, key look-ups before a 404). */
  private readonly pool: SqlExecutor;

  constructor(
    private readonly transactions: PipelinedTransactionRunner,
    private readonly ledger: LedgerRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly accounts: AccountResolver,
    private readonly metrics: MetricsService,
    @InjectDataSource() dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    this.pool = executorOf(dataSource);
    const settings = config.get('ledger', { infer: true });
    this.maxAttempts = settings.maxAttempts;
    this.queue = new GroupCommitQueue({
      maxBatchSize: settings.maxBatchSize,
      maxQueue: settings.maxQueue,
      concurrency: settings.batchConcurrency,
      run: (commands) => this.postBatch(commands),
      onQueueDepth: (depth) => metrics.queueDepth.set(depth),
    });
  }

  /** Posts one command with the next batch; resolves once its transaction has committed. */
  async post(command: PostingCommand): Promise<WriteResult> {
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

  /** Lets accepted postings finish before the connection pool closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  /**
   * Posts a batch in one transaction and settles each command on its own. Public so that tests
   * can compose a batch exactly; the service goes through {@link post}.
   */
  async postBatch(commands: readonly PostingCommand[]): Promise<Array<Settled<WriteResult>>> {
    const results: Array<Settled<WriteResult> | undefined> = commands.map(() => undefined);
    let ready: Array<{ index: number } & ReadyCommand>;
    try {
      ready = await this.resolveAccounts(commands, results);
    } catch (error) {
      return commands.map(() => fail(this.toClientError(error)));
    }
    if (ready.length > 0) {
      try {
        const report = await this.transactions.run((tx) => this.postInTransaction(tx, ready), {
          maxAttempts: this.maxAttempts,
          onRetry: () => this.metrics.transactionRetries.inc(),
        });
        this.record(report);
        report.results.forEach((r, k) => (results[ready[k].index] = r));
      } catch (error) {
        await this.settleFailedBatch(ready, error, results);
      }
    }
    return results.map((r) => r ?? fail(new Error('posting left unsettled')));
  }

  private async resolveAccounts(
    commands: readonly PostingCommand[],
    results: Array<Settled<WriteResult> | undefined>,
  ): Promise<Array<{ index: number } & ReadyCommand>> {
    const ids = await this.accounts.resolve(
      commands.flatMap((c) => [
        { assetCode: c.assetCode, ref: c.from },
        { assetCode: c.assetCode, ref: c.to },
      ]),
    );
    const ready: Array<{ index: number } & ReadyCommand> = [];
    const missing: Array<{ index: number; userId: string }> = [];
    commands.forEach((command, index) => {
      const fromAccountId = ids.get(accountRefKey(command.assetCode, command.from));
      const toAccountId = ids.get(accountRefKey(command.assetCode, command.to));
      if (fromAccountId && toAccountId) ready.push({ index, command, fromAccountId, toAccountId });
      else missing.push({ index, userId: userIdOf(fromAccountId ? command.to : command.from) });
    });
    if (missing.length > 0) await this.refuseUnknownUsers(commands, missing, results);
    return ready;
  }

  /**
   * A write naming a user that does not exist is a 404 — unless its key was already used by the
   * acting user for another request: the key's record answers first (422), as for any reused key.
   */
  private async refuseUnknownUsers(
    commands: readonly PostingCommand[],
    missing: ReadonlyArray<{ index: number; userId: string }>,
    results: Array<Settled<WriteResult> | undefined>,
  ): Promise<void> {
    const records = await this.idempotency.findMany(this.pool, missing.map(({ index }) => commands[index].idempotency));
    const used = new Set(records.map((r) => scopedKey(r.userId, r.key)));
    for (const { index, userId } of missing) {
      const { idempotency } = commands[index];
      results[index] = fail(
        used.has(scopedKey(idempotency.userId, idempotency.key)) ? new IdempotencyKeyReusedException() : new UserNotFoundException(userId),
      );
    }
  }

  /**
   * The transactional unit, in two pipelined flights; run again from scratch on deadlock, so it
   * keeps no state outside.
   *  1. BEGIN, claim the keys, lock the accounts, draw journal ids and the timestamp — sent
   *     together; PostgreSQL runs them in this order (keys before accounts, in every batch).
   *  2. Apply the postings in memory and render every response (ids and timestamp are known).
   *  3. Write journals, entries and balances, complete the idempotency records, COMMIT — sent
   *     together by the runner's commit.
   * Keys that already have a record cost one more round trip, to read it.
   */
  private async postInTransaction(tx: PipelinedTransaction, batch: readonly ReadyCommand[]): Promise<BatchReport> {
    const results: Array<Settled<WriteResult> | undefined> = batch.map(() => undefined);
    const report: BatchReport = { results: [], posted: [], rejected: [] };

    // A key used twice in one batch: the first occurrence runs, the others answer from its outcome.
    const firstByKey = new Map<string, number>();
    const primaries: number[] = [];
    const followers: Array<{ index: number; primary: number }> = [];
    batch.forEach(({ command }, index) => {
      const id = scopedKey(command.idempotency.userId, command.idempotency.key);
      const primary = firstByKey.get(id);
      if (primary === undefined) {
        firstByKey.set(id, index);
        primaries.push(index);
      } else followers.push({ index, primary });
    });

    const flightStarted = process.hrtime.bigint();
    const [claimed, accounts, allocation] = await Promise.all([
      this.idempotency.claim(tx, primaries.map((i) => batch[i].command.idempotency)),
      this.ledger.lockAccounts(tx, lockOrder(primaries.flatMap((i) => [batch[i].fromAccountId, batch[i].toAccountId]))),
      this.ledger.allocateJournals(tx, primaries.length),
    ]);
    this.metrics.lockWait.observe(Number(process.hrtime.bigint() - flightStarted) / 1e9);

    const isClaimed = (i: number) => claimed.has(scopedKey(batch[i].command.idempotency.userId, batch[i].command.idempotency.key));
    const toPost = primaries.filter(isClaimed);
    const conflicting = primaries.filter((i) => !isClaimed(i));
    if (conflicting.length > 0) await this.answerFromRecords(tx, batch, conflicting, results);

    const { journals, balances, decisions } = this.apply(batch, toPost, accounts, allocation, report);
    const completions = decisions.map(({ index, outcome, journalId }) => {
      const { idempotency, render } = batch[index].command;
      const response = render(outcome);
      results[index] = { ok: true, value: { ...response, replayed: false } };
      return { userId: idempotency.userId, key: idempotency.key, journalId, ...response };
    });
    // Sent now; the runner's commit awaits them with COMMIT and reports the first failure.
    this.ledger.insertJournals(tx, journals, balances).catch(reportedByCommit);
    this.idempotency.complete(tx, completions).catch(reportedByCommit);

    for (const { index, primary } of followers) {
      const first = results[primary];
      const same = batch[primary].command.idempotency.fingerprint === batch[index].command.idempotency.fingerprint;
      if (first?.ok) {
        results[index] = same ? { ok: true, value: { ...first.value, replayed: true } } : fail(new IdempotencyKeyReusedException());
      } else {
        // The same request gets the same refusal (a key reused, say); another one is left to retry.
        results[index] = same && first ? first : fail(new IdempotencyKeyInProgressException());
      }
    }
    return { ...report, results: results.map((r) => r ?? fail(new Error('posting left unsettled'))) };
  }

  /** Keys that already have a record: replay it, or refuse a different request under the same key. */
  private async answerFromRecords(
    tx: PipelinedTransaction,
    batch: readonly ReadyCommand[],
    indexes: readonly number[],
    results: Array<Settled<WriteResult> | undefined>,
  ): Promise<void> {
    const records = await this.idempotency.findMany(tx, indexes.map((i) => batch[i].command.idempotency));
    const byKey = new Map(records.map((r) => [scopedKey(r.userId, r.key), r]));
    for (const i of indexes) {
      const claim = batch[i].command.idempotency;
      const record = byKey.get(scopedKey(claim.userId, claim.key));
      if (!record?.response) {
        results[i] = fail(new IdempotencyKeyInProgressException());
      } else if (record.fingerprint !== claim.fingerprint) {
        results[i] = fail(new IdempotencyKeyReusedException());
      } else {
        results[i] = { ok: true, value: { ...record.response, replayed: true } };
      }
    }
  }

  /** Applies the business rules in arrival order on the locked balances; no I/O. */
  private apply(
    batch: readonly ReadyCommand[],
    indexes: readonly number[],
    accounts: ReadonlyMap<string, LockedAccount>,
    allocation: JournalAllocation,
    report: BatchReport,
  ): { journals: JournalInsert[]; balances: Map<string, bigint>; decisions: Array<{ index: number; outcome: PostingOutcome; journalId: string | null }> } {
    const journals: JournalInsert[] = [];
    const balances = new Map<string, bigint>();
    const decisions: Array<{ index: number; outcome: PostingOutcome; journalId: string | null }> = [];
    for (const index of indexes) {
      const { command, fromAccountId, toAccountId } = batch[index];
      const leg = applyLeg(accounts, { fromAccountId, toAccountId, assetCode: command.assetCode, amount: command.amount });
      if (!leg.ok) {
        report.rejected.push(leg.rejection);
        decisions.push({ index, outcome: { kind: 'REJECTED', rejection: leg.rejection }, journalId: null });
        continue;
      }
      balances.set(leg.debit.accountId, leg.debit.balanceAfter);
      balances.set(leg.credit.accountId, leg.credit.balanceAfter);
      const journal = toJournalInsert(command, leg, allocation.ids[journals.length], allocation.now);
      journals.push(journal);
      report.posted.push(command);
      decisions.push({ index, outcome: { kind: 'POSTED', transaction: toPostedTransaction(command, journal, leg) }, journalId: journal.id });
    }
    return { journals, balances, decisions };
  }

  /**
   * The batch transaction failed and rolled back: nothing of it was written.
   * - A lock timeout: some account was held elsewhere for longer than DATABASE_LOCK_TIMEOUT_MS (an
   *   operator's transaction, say). The writes on the user accounts still held get a 503; the
   *   others are posted again at once, so one busy account does not fail its neighbours.
   * - An unreachable database or exhausted deadlock retries: every write gets a 503 (the client
   *   retries with its key).
   * - Anything else: each write is posted in a transaction of its own, so only the faulty one fails.
   */
  private async settleFailedBatch(
    ready: ReadonlyArray<{ index: number } & ReadyCommand>,
    error: unknown,
    results: Array<Settled<WriteResult> | undefined>,
  ): Promise<void> {
    if (ready.length > 1 && databaseErrorCode(error) === LOCK_NOT_AVAILABLE) {
      const held = await this.ledger
        .heldElsewhere(this.pool, ready.flatMap((r) => [r.fromAccountId, r.toAccountId]))
        .catch(() => undefined);
      const blocked = held && ready.filter((r) => held.has(r.fromAccountId) || held.has(r.toAccountId));
      if (blocked && blocked.length > 0 && blocked.length < ready.length) {
        this.logger.warn(`lock timeout: ${blocked.length} of ${ready.length} postings wait for accounts held elsewhere; posting the others`);
        for (const r of blocked) results[r.index] = fail(this.toClientError(error));
        const others = ready.filter((r) => !blocked.includes(r));
        const settled = await this.postBatch(others.map((r) => r.command));
        others.forEach((r, k) => (results[r.index] = settled[k]));
        return;
      }
    }
    if (ready.length === 1 || isDatabaseUnavailableError(error) || isRetryableTransactionError(error)) {
      if (!isDatabaseUnavailableError(error)) this.logger.error(`posting failed: ${describe(error)}`);
      for (const r of ready) results[r.index] = fail(this.toClientError(error));
      return;
    }
    this.logger.warn(`batch of ${ready.length} failed (${describe(error)}); posting its commands one by one`);
    for (const r of ready) {
      results[r.index] = (await this.postBatch([r.command]))[0];
    }
  }

  private toClientError(error: unknown): unknown {
    if (isDatabaseUnavailableError(error)) return new ServiceUnavailableException();
    if (isRetryableTransactionError(error)) {
      return new ServiceUnavailableException('The ledger is busy. Retry with the same idempotency key.');
    }
    return error;
  }

  private record(report: BatchReport): void {
    this.metrics.batchSize.observe(report.results.length);
    for (const c of report.posted) this.metrics.postings.inc({ type: c.type, asset: c.assetCode });
    for (const r of report.rejected) this.metrics.rejections.inc({ code: r.code });
  }
}

function toJournalInsert(command: PostingCommand, leg: AppliedLeg, id: string, createdAt: Date): JournalInsert {
  return {
    id,
    createdAt,
    type: command.type,
    assetCode: command.assetCode,
    userId: command.idempotency.userId,
    toUserId: command.type === 'TRANSFER' ? userIdOf(command.to) : null,
    amount: command.amount,
    description: command.description,
    metadata: command.metadata,
    idempotencyKey: command.idempotency.key,
    createdBy: command.createdBy,
    entries: [leg.debit, leg.credit],
  };
}

function toPostedTransaction(command: PostingCommand, journal: JournalInsert, leg: AppliedLeg): PostedTransaction {
  return {
    id: journal.id,
    createdAt: journal.createdAt,
    type: journal.type,
    assetCode: journal.assetCode,
    amount: journal.amount,
    userId: journal.userId,
    toUserId: journal.toUserId,
    description: journal.description,
    metadata: journal.metadata,
    idempotencyKey: journal.idempotencyKey,
    createdBy: journal.createdBy,
    entries: [
      { account: command.from, amount: leg.debit.amount, balanceAfter: leg.debit.balanceAfter },
      { account: command.to, amount: leg.credit.amount, balanceAfter: leg.credit.balanceAfter },
    ],
  };
}

function userIdOf(ref: AccountRef): string {
  return ref.kind === 'USER' ? ref.userId : ref.name;
}

/** A pipelined statement's failure is observed by PipelinedTransaction.commit. */
function reportedByCommit(): void {}

function fail(error: unknown): Settled<never> {
  return { ok: false, error };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
