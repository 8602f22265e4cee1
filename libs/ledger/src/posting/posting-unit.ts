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
import { BatchPlan, ReadyCommand } from './batch-planner';
import type { LockedAccount } from '../domain/posting-engine';
import { AccountBook } from './account-book';
import { PLACEHOLDER_NOW, placeholderIds, placeholdersOnce, placeholderSlot, substitutePlaceholders } from './batch-placeholders';
import { LedgerState } from './ledger-state';
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
  /** The batch's accounts with the balances it left, for the account book once it has committed. */
  readonly accounts: Iterable<LockedAccount>;
}

/** What a batch's postings decided, gathered while they are applied. */
type Decisions = Pick<BatchReport, 'posted' | 'rejected'>;

/**
 * A batch decided in memory from the account book (no I/O yet), to be written in a single flight
 * ({@link PostingUnit.sendSingleFlight}); its ids and timestamp are placeholders until then.
 */
export interface SingleFlightBatch {
  readonly plan: BatchPlan;
  readonly scratch: PostingScratch;
  readonly records: readonly IdempotencyRecord[];
  readonly results: Array<Settled<PostingResult> | undefined>;
  readonly report: Decisions;
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
 *
 * The single flight: a batch of requests whose accounts this process has written last (the
 * {@link AccountBook}), that needs no state and whose postings all post, is decided in memory
 * before any I/O ({@link decideSingleFlight}) and written in one round trip
 * ({@link sendSingleFlight}): BEGIN, the locks, the ids and timestamp (placeholders in what was
 * rendered, substituted by the database in what it stores and by {@link finishSingleFlight} in
 * what is sent), the write and the records, COMMIT. The write checks every balance it moves
 * against the one the batch was decided from; a difference (another process wrote the account),
 * a key that already has a record, or any other failure rolls it all back, and the batch runs the
 * two-flight way, which reads everything afresh. So the treasury row is held only while
 * PostgreSQL runs the batch, not while the answer to a first flight waits for the event loop.
 */
@Injectable()
export class PostingUnit {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly stateRepository: LedgerStateRepository,
    private readonly idempotency: IdempotencyRecordsService,
    private readonly metrics: MetricsService,
    private readonly book: AccountBook,
  ) {}

  /**
   * Decides a batch from the account book, in memory, if it can go in a single flight: requests
   * only (each with a claim and a renderer), no state to load, every account in the book and every
   * posting posted (a rejection depends on a balance the write would not check). Takes the batch's
   * accounts out of the book either way ({@link AccountBook.take}).
   */
  decideSingleFlight(
    batch: readonly ReadyCommand[],
    plan: BatchPlan,
    accountIds: ReadonlyMap<string, string | null>,
    settings: RuleSettings,
  ): SingleFlightBatch | undefined {
    const requests = plan.state.length === 0 && batch.every(({ command }) => command.render && command.idempotency);
    const accounts = this.book.take(plan.lockIds);
    if (!requests || !accounts) return undefined;
    const scratch = new PostingScratch(
      accounts,
      accountIds,
      placeholderIds(plan.journalCount),
      PLACEHOLDER_NOW,
      LedgerState.empty(),
    );
    const results: Array<Settled<PostingResult> | undefined> = batch.map(() => undefined);
    const report: Decisions = { posted: [], rejected: [] };
    const records = this.applyPostings(batch, plan.primaries, scratch, settings, results, report);
    if (report.rejected.length > 0 || records.some((r) => r.journalId === null || !placeholdersOnce(r.body, r.journalId))) {
      return undefined;
    }
    return { plan, scratch, records, results, report };
  }

  /**
   * Sends a decided batch whole: the locks, the ids and timestamp, the write and the records, all
   * behind BEGIN and before the runner's COMMIT. Returns at once with the ids' answer still on its
   * way; {@link finishSingleFlight} reads it once the transaction has committed.
   */
  sendSingleFlight(tx: PipelinedTransaction, decided: SingleFlightBatch): Promise<{ ids: readonly string[]; nowIso: string }> {
    const { plan, scratch, records } = decided;
    this.ledger.lockAccounts(tx, plan.lockIds).catch(reportedByCommit);
    const allocation = this.ledger.allocateJournalsForFlight(tx, plan.journalCount);
    allocation.catch(reportedByCommit);
    this.secondFlight(tx, scratch, records);
    return allocation;
  }

  /** The committed batch's answers, with the transaction's ids and timestamp in place of the placeholders. */
  finishSingleFlight(
    batch: readonly ReadyCommand[],
    decided: SingleFlightBatch,
    allocation: { ids: readonly string[]; nowIso: string },
  ): BatchReport {
    const { plan, scratch, results, report } = decided;
    const now = new Date(allocation.nowIso);
    const realId = (placeholder: string): string => {
      const slot = placeholderSlot(placeholder);
      const id = slot === undefined ? undefined : allocation.ids[slot];
      if (id === undefined) throw new Error(`no journal id for placeholder ${placeholder}`);
      return id;
    };
    for (const i of plan.primaries) {
      const settled = results[i];
      if (!settled?.ok || settled.value.outcome?.kind !== 'POSTED') throw new Error('a single-flight posting did not post');
      const { value } = settled;
      const outcome = value.outcome as Extract<PostingOutcome, { kind: 'POSTED' }>;
      const placeholder = outcome.transactions[0].id;
      const transactions = outcome.transactions.map((t) => ({ ...t, id: realId(t.id), createdAt: now }));
      results[i] = {
        ok: true,
        value: {
          status: value.status,
          body: substitutePlaceholders(value.body, placeholder, realId(placeholder), allocation.nowIso),
          replayed: value.replayed,
          outcome: { kind: 'POSTED', transactions, hold: outcome.hold },
        },
      };
    }
    this.answerFollowers(batch, plan.followers, results);
    return {
      ...report,
      accounts: scratch.lockedAccounts(),
      results: results.map((r) => r ?? fail(new Error('posting left unsettled'))),
    };
  }

  async run(
    tx: PipelinedTransaction,
    batch: readonly ReadyCommand[],
    plan: BatchPlan,
    accountIds: ReadonlyMap<string, string | null>,
    settings: RuleSettings,
  ): Promise<BatchReport> {
    const results: Array<Settled<PostingResult> | undefined> = batch.map(() => undefined);
    const report: Decisions = { posted: [], rejected: [] };
    this.book.forget(plan.lockIds); // read afresh under the locks; back in the book once committed

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
    return {
      ...report,
      accounts: scratch.lockedAccounts(),
      results: results.map((r) => r ?? fail(new Error('posting left unsettled'))),
    };
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
    report: Decisions,
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
      const { status, body } = command.render ? command.render(outcome) : NO_RESPONSE;
      results[index] = { ok: true, value: { status, body, replayed: false, outcome } };
      const claim = command.idempotency;
      if (claim) {
        const journalId = outcome.kind === 'POSTED' ? outcome.transactions[0].id : null;
        const { userId, key, endpoint, fingerprint } = claim;
        records.push({ userId, key, endpoint, fingerprint, journalId, status, body });
      }
    }
    return records;
  }

  /** Sent now; the runner's commit awaits them with COMMIT and reports the first failure. */
  private secondFlight(tx: PipelinedTransaction, scratch: PostingScratch, records: readonly IdempotencyRecord[]): void {
    this.ledger.insertJournals(tx, scratch.journals, scratch.balances(), scratch.expected).catch(reportedByCommit);
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

/** What a posting without a renderer (one the service started itself) settles with. */
const NO_RESPONSE = { status: 0, body: '' } as const;

/** A pipelined statement's failure is observed by PipelinedTransaction.commit. */
function reportedByCommit(): void {}

export function fail(error: unknown): Settled<never> {
  return { ok: false, error };
}
