import { SqlExecutor } from '@app/common';
import { Injectable } from '@nestjs/common';
import { ExistingRecord, IdempotencyClaim, IdempotencyCompletion } from './idempotency-record';
import { IdempotencyRepository } from './idempotency.repository';

/**
 * The idempotency records as a participant in the caller's transaction: the ledger claims keys,
 * reads the records of keys it could not claim and stores outcomes through this port, inside its
 * own pipelined batch transaction (`tx`), so that a record is claimed and completed with the
 * journal it describes and a crash leaves both or neither. Each method sends its statement at once
 * and returns the answer as a promise, so that a caller may pipeline them. The SQL stays in
 * IdempotencyRepository, inside this lib.
 */
@Injectable()
export class IdempotencyRecordsService {
  constructor(private readonly repository: IdempotencyRepository) {}

  /**
   * Claims the keys, in (user, key) order; a key that exists, or that another open transaction is
   * claiming (the statement waits for it to end), is not claimed.
   * @returns the claims taken, as {@link scopedKey} strings.
   */
  claim(tx: SqlExecutor, claims: readonly IdempotencyClaim[]): Promise<Set<string>> {
    return this.repository.claim(tx, claims);
  }

  /** The records stored under these keys (those that exist). */
  findMany(tx: SqlExecutor, keys: ReadonlyArray<{ userId: string; key: string }>): Promise<ExistingRecord[]> {
    return this.repository.findMany(tx, keys);
  }

  /** Stores the outcomes under their claimed keys. */
  complete(tx: SqlExecutor, completions: readonly IdempotencyCompletion[]): Promise<void> {
    return this.repository.complete(tx, completions);
  }
}
