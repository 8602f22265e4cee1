import { MetricsService, PipelinedTransaction } from '@app/common';
import {
  ExistingRecord,
  IdempotencyKeyInProgressException,
  IdempotencyKeyReusedException,
  IdempotencyRecord,
  IdempotencyRecordsService,
  scopedKey,
} from '@app/idempotency';
import { Injectable } from '@nestjs/common';
import type { PostingCommand, PostingOutcome, Rejection } from '../domain/posting';
import type { Settled } from '../group-commit-queue';
import { LedgerRepository } from '../ledger.repository';
import type { RuleSettings } from '../rules/posting-rule';
import { postingRules } from '../rules/posting-rules';
import { BatchPlan, planBatch, ReadyCommand } from './batch-planner';
import { LedgerStateRepository } from './ledger-state.repository';
import { PostingScratch } from './posting-scratch';

/**
 * What a posting settles with: the response a renderer made (stored with the idempotency key), or
 * for a command without a renderer status 0 and an empty body; `outcome` is null on a replay.
 */
export interface PostingResult {
  readonly status: number;
  readonly body: string;
  readonly replayed: boolean;
  readonly outcome: PostingOutcome | null;
}

/** What one batch transaction decided, reported to metrics only after it committed. */
export interface BatchReport {
  readonly results: Array<Settled<PostingResult>>;
  readonly posted: PostingCommand[];
  readonly rejected: Rejection[];
}

/**
 * The transactional unit: one batch in one database transaction, in two pipelined flights; run
 * again from scratch on deadlock (or when another transaction stored one of its keys first), so it
 * keeps no state outside.
 *  1. {@link firstFlight}: BEGIN, read the records of the batch's keys, lock the accounts (one
 *     statement, the one lock order), draw journal ids and the timestamp, load the rules' state —
 *     sent together; PostgreSQL runs them in this order, so the state is read behind the locks. A
 *     key with a record answers from it (a replay, or a refusal of a different request).
 *  2. {@link applyPostings}: the rules run in memory in arrival order; responses are rendered
 *     (ids and timestamp are known).
 *  3. {@link secondFlight}: journals, entries and balances, the state's changes, the idempotency
 *     records with their responses (inserted once, never updated) — sent at once; the runner's
 *     COMMIT awaits them.
 */
@Injectable()
export class PostingUnit {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly stateRepository: LedgerStateRepository,
    private readonly idempotency: IdempotencyRecordsService,
    private readonly metrics: MetricsService,
  ) {}

  async run(
    tx: PipelinedTransaction,
    batch: readonly ReadyCommand[],
    accountIds: ReadonlyMap<string, string | null>,
    settings: RuleSettings,
  ): Promise<BatchReport> {
    const results: Array<Settled<PostingResult> | undefined> = batch.map(() => undefined);
    const report: BatchReport = { results: [], posted: [], rejected: [] };
    const plan = planBatch(batch, settings);

    const { existing, scratch } = await this.firstFlight(tx, batch, plan, accountIds);
    const recordOf = (i: number) => {
      const claim = batch[i].command.idempotency;
      return claim && existing.get(scopedKey(claim.userId, claim.key));
    };
    const toPost = plan.primaries.filter((i) => !recordOf(i));
    for (const i of plan.primaries) {
      const record = recordOf(i);
      if (record) results[i] = this.answerFromRecord(batch[i].command, record);
    }

    const records = this.applyPostings(batch, toPost, scratch, settings, results, report);
    this.secondFlight(tx, scratch, records);
    this.answerFollowers(batch, plan.followers, results);
    return { ...report, results: results.map((r) => r ?? fail(new Error('posting left unsettled'))) };
  }

  private async firstFlight(
    tx: PipelinedTransaction,
    batch: readonly ReadyCommand[],
    plan: BatchPlan,
    accountIds: ReadonlyMap<string, string | null>,
  ): Promise<{ existing: Map<string, ExistingRecord>; scratch: PostingScratch }> {
    const started = process.hrtime.bigint();
    const claims = plan.primaries.flatMap((i) => batch[i].command.idempotency ?? []);
    const [records, accounts, allocation, state] = await Promise.all([
      this.idempotency.findMany(tx, claims),
      this.ledger.lockAccounts(tx, plan.lockIds),
      this.ledger.allocateJournals(tx, plan.journalCount),
      this.stateRepository.load(tx, plan.state),
    ]);
    this.metrics.lockWait.observe(Number(process.hrtime.bigint() - started) / 1e9);
    const existing = new Map(records.map((r) => [scopedKey(r.userId, r.key), r]));
    return { existing, scratch: new PostingScratch(accounts, accountIds, allocation.ids, allocation.now, state) };
  }

  /** Runs each posting's rule in arrival order on the locked balances; no I/O. */
  private applyPostings(
    batch: readonly ReadyCommand[],
    indexes: readonly number[],
    scratch: PostingScratch,
    settings: RuleSettings,
    results: Array<Settled<PostingResult> | undefined>,
    report: BatchReport,
  ): IdempotencyRecord[] {
    const records: IdempotencyRecord[] = [];
    for (const index of indexes) {
      const { command } = batch[index];
      const decided = scratch.apply(command, (ctx) => postingRules.apply(command.intent, ctx, settings));
      let outcome: PostingOutcome;
      if ('rejected' in decided) {
        report.rejected.push(decided.rejected);
        outcome = { kind: 'REJECTED', rejection: decided.rejected };
      } else {
        report.posted.push(command);
        outcome = { kind: 'POSTED', transactions: decided.posted, hold: decided.hold };
      }
      const response = command.render ? command.render(outcome) : { status: 0, body: '' };
      results[index] = { ok: true, value: { ...response, replayed: false, outcome } };
      if (command.idempotency) {
        const journalId = outcome.kind === 'POSTED' ? outcome.transactions[0].id : null;
        records.push({ ...command.idempotency, journalId, ...response });
      }
    }
    return records;
  }

  /** Sent now; the runner's commit awaits them with COMMIT and reports the first failure. */
  private secondFlight(tx: PipelinedTransaction, scratch: PostingScratch, records: readonly IdempotencyRecord[]): void {
    this.ledger.insertJournals(tx, scratch.journals, scratch.balances()).catch(reportedByCommit);
    for (const write of this.stateRepository.save(tx, scratch.state)) write.catch(reportedByCommit);
    this.idempotency.store(tx, records).catch(reportedByCommit);
  }

  /** A key that already has a record: replay it, or refuse a different request under the same key. */
  private answerFromRecord(command: PostingCommand, record: ExistingRecord): Settled<PostingResult> {
    if (!record.response) return fail(new IdempotencyKeyInProgressException());
    if (record.fingerprint !== command.idempotency?.fingerprint) return fail(new IdempotencyKeyReusedException());
    return { ok: true, value: { ...record.response, replayed: true, outcome: null } };
  }

  /** A key used twice in one batch: the first occurrence ran, the others answer from its outcome. */
  private answerFollowers(
    batch: readonly ReadyCommand[],
    followers: ReadonlyArray<{ index: number; primary: number }>,
    results: Array<Settled<PostingResult> | undefined>,
  ): void {
    for (const { index, primary } of followers) {
      const first = results[primary];
      const same = batch[primary].command.idempotency?.fingerprint === batch[index].command.idempotency?.fingerprint;
      if (first?.ok) {
        results[index] = same
          ? { ok: true, value: { ...first.value, replayed: true } }
          : fail(new IdempotencyKeyReusedException());
      } else {
        // The same request gets the same refusal (a key reused, say); another one is left to retry.
        results[index] = same && first ? first : fail(new IdempotencyKeyInProgressException());
      }
    }
  }
}

/** A pipelined statement's failure is observed by PipelinedTransaction.commit. */
function reportedByCommit(): void {}

export function fail(error: unknown): Settled<never> {
  return { ok: false, error };
}
