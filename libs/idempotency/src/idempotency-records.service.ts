import { SqlExecutor } from '@app/common';
import { Injectable } from '@nestjs/common';
import { ExistingRecord, IdempotencyRecord } from './idempotency-record';
import { IdempotencyRepository } from './idempotency.repository';

/**
 * The idempotency records as a participant in the caller's transaction: the ledger reads the
 * records of a batch's keys and stores each outcome through this port, inside its own pipelined
 * batch transaction (`tx`), so that a record is written, complete, with the journal it describes
 * and a crash leaves both or neither. Each method sends its statement at once and returns the
 * answer as a promise, so that a caller may pipeline them. The SQL stays in IdempotencyRepository,
 * inside this lib.
 */
@Injectable()
export class IdempotencyRecordsService {
  constructor(private readonly repository: IdempotencyRepository) {}

  /** The committed records stored under these keys (those that exist). */
  findMany(tx: SqlExecutor, keys: ReadonlyArray<{ userId: string; key: string }>): Promise<ExistingRecord[]> {
    return this.repository.findMany(tx, keys);
  }

  /**
   * Stores the records, complete, in (user, key) order. If another transaction has stored one of
   * the keys since they were read, the statement fails ({@link isKeyTaken}) and so does the
   * caller's transaction: run again, it reads that record.
   */
  store(tx: SqlExecutor, records: readonly IdempotencyRecord[]): Promise<void> {
    return this.repository.insert(tx, records);
  }

  /** Whether a transaction failed because another one stored a record under one of its keys first. */
  isKeyTaken(error: unknown): boolean {
    return this.repository.isKeyTaken(error);
  }
}
