import { databaseErrorCode, databaseErrorConstraint, SqlExecutor } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ExistingRecord, IdempotencyRecord } from './idempotency-record';

const UNIQUE_VIOLATION = '23505';
const PRIMARY_KEY = 'idempotency_keys_pkey';

/**
 * SQL for idempotency records. A record is written once, complete, in the same transaction as the
 * journal it describes (the ledger's pipelined batch transaction, passed explicitly), so a crash
 * leaves both or neither, and a stored response is never updated. The methods send their statement
 * at once and return its answer as a promise, so a caller may pipeline them.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The committed records under these keys. Unlike an insert this does not wait for another open
   * transaction writing the same key: that one is caught by {@link insert} (see {@link isKeyTaken}).
   * The keys travel as arrays: `unnest` tells the planner a batch is a handful of rows, so it probes
   * the primary key per key (with `json_to_recordset`, estimated at 100 rows, it fetched every key
   * of the batch's users and hash-joined them, a cost that grew with each user's keys).
   */
  async findMany(tx: SqlExecutor, keys: ReadonlyArray<{ userId: string; key: string }>): Promise<ExistingRecord[]> {
    if (keys.length === 0) return [];
    const rows = await tx.query<{
      user_id: string;
      key: string;
      fingerprint: string;
      status_code: number | null;
      response_body: string | null;
    }>(
      'idempotency_find',
      `SELECT k.user_id, k.key, k.fingerprint, k.status_code, k.response_body
           FROM idempotency_keys k
           JOIN unnest($1::uuid[], $2::text[]) AS q(user_id, key) ON q.user_id = k.user_id AND q.key = k.key
          WHERE k.user_id = ANY ($1::uuid[])`,
      [keys.map((k) => k.userId), keys.map((k) => k.key)],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      key: r.key,
      fingerprint: r.fingerprint,
      response: r.status_code === null || r.response_body === null ? null : { status: r.status_code, body: r.response_body },
    }));
  }

  /**
   * Inserts the records, complete, in (user, key) order, so that concurrent batches wait on each
   * other's keys in one global order. A key another transaction has written meanwhile (or is
   * writing: the insert waits for it to end) fails the statement, and with it the transaction, with
   * a unique violation ({@link isKeyTaken}): nothing of the batch is written, and run again it finds
   * that record. Rows travel as one JSON document (no array escaping of the response bodies).
   * A record of a single-flight ledger batch carries a placeholder journal id, and its body the
   * placeholders of that id and of the batch's timestamp: the database puts the transaction's own
   * values in both (`ledger_batch_journal_id`, `ledger_batch_body`, migration 1764000000080; the
   * settings they read are read once per statement, in the uncorrelated subqueries).
   */
  async insert(tx: SqlExecutor, records: readonly IdempotencyRecord[]): Promise<void> {
    if (records.length === 0) return;
    await tx.query(
      'idempotency_insert',
      `INSERT INTO idempotency_keys (user_id, key, endpoint, fingerprint, status_code, response_body, journal_id, completed_at)
       SELECT user_id, key, endpoint, fingerprint, status_code,
              ledger_batch_body(response_body, journal_id, (SELECT ledger_batch_ids()), (SELECT ledger_batch_now())),
              ledger_batch_journal_id(journal_id, (SELECT ledger_batch_ids())), now()
         FROM json_to_recordset($1::json)
           AS r(user_id uuid, key text, endpoint text, fingerprint text, status_code smallint, response_body text, journal_id bigint)
        ORDER BY 1, 2`,
      [
        JSON.stringify(
          records.map((r) => ({
            user_id: r.userId,
            key: r.key,
            endpoint: r.endpoint,
            fingerprint: r.fingerprint,
            status_code: r.status,
            response_body: r.body,
            journal_id: r.journalId,
          })),
        ),
      ],
    );
  }

  /** Whether a statement failed because a record it inserted exists already (written by another transaction). */
  isKeyTaken(error: unknown): boolean {
    return databaseErrorCode(error) === UNIQUE_VIOLATION && databaseErrorConstraint(error) === PRIMARY_KEY;
  }

  /**
   * Deletes at most `limit` records created before `cutoff`, one short statement per call. Writers
   * never update or lock a stored record, so there is nothing to skip: the rows are not locked
   * first (which would need an UPDATE privilege the runtime role does not have). Two replicas
   * purging at once wait for each other's statement, then skip what the other deleted; a write
   * reusing an expired key being deleted waits for that statement to end.
   */
  async purgeBefore(cutoff: Date, limit: number): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_keys
        WHERE ctid = ANY (ARRAY(
          SELECT ctid FROM idempotency_keys WHERE created_at < $1 ORDER BY created_at LIMIT $2))`,
      [cutoff, limit],
    );
    return result[1];
  }
}
