import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailableError, isRetryableTransactionError } from '../errors/database-errors';
import { checkOutPgConnection, typeormPgPool } from './typeorm-pg-pool.adapter';

export interface TransactionOptions {
  /** Total attempts, the first included. */
  readonly maxAttempts: number;
  /** Called before each new attempt (for metrics). */
  readonly onRetry?: (attempt: number, error: unknown) => void;
  /** Other failures that mean "run the whole transaction again" besides deadlocks and serialization failures. */
  readonly retryOn?: (error: unknown) => boolean;
  /**
   * `generic`: the transaction's statements run on generic plans, each planned once per connection
   * (by default every execution is planned for its parameters: see data-source-options.ts), with
   * sequential scans off, so that a plan made while a table was small still reads it by key.
   * For transactions whose every statement reads and writes by key, whatever the parameters.
   */
  readonly plans?: 'generic';
}

/**
 * What starts a transaction with generic plans. `SET LOCAL` ends with the transaction, so the
 * session's own setting (custom plans) is back for the next one; both go with BEGIN in one message.
 */
const BEGIN_WITH_GENERIC_PLANS = 'BEGIN; SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL enable_seqscan = off';

/** Where repositories send SQL: a pipelined transaction, or anything else that runs named statements. */
export interface SqlExecutor {
  query<T>(name: string, text: string, values: readonly unknown[]): Promise<T[]>;
}

interface PgResult {
  readonly rows: unknown[];
  readonly command: string;
}
interface PgClient {
  query(config: { name?: string; text: string; values?: readonly unknown[] }): Promise<PgResult>;
}

/**
 * One database transaction whose statements are pipelined: `query` sends a statement at once,
 * without waiting for the answers to the statements before it (node-postgres pipeline mode), and
 * `commit` sends COMMIT behind the last ones. PostgreSQL still runs them one after another, in
 * order, inside the transaction; only the network round trips between them disappear. Statements
 * are named prepared statements, parsed and planned once per connection.
 *
 * A statement that fails aborts the transaction, and every statement behind it then fails too;
 * `commit` reports the first failure. A COMMIT that PostgreSQL turned into a ROLLBACK is a failure.
 */
export class PipelinedTransaction implements SqlExecutor {
  private readonly sent: Array<Promise<unknown>> = [];

  constructor(
    private readonly client: PgClient,
    plans?: TransactionOptions['plans'],
  ) {
    // Its failure is reported by commit().
    void this.track(client.query({ text: plans === 'generic' ? BEGIN_WITH_GENERIC_PLANS : 'BEGIN' }));
  }

  query<T>(name: string, text: string, values: readonly unknown[]): Promise<T[]> {
    return this.track(this.client.query({ name, text, values })).then((r) => r.rows as T[]);
  }

  async commit(): Promise<void> {
    const commit = this.track(this.client.query({ text: 'COMMIT' }));
    for (const statement of this.sent) await statement; // the first failure wins
    if ((await commit).command !== 'COMMIT') throw new Error('PostgreSQL rolled the transaction back at COMMIT');
  }

  async rollback(): Promise<void> {
    await this.client.query({ text: 'ROLLBACK' }).catch(() => undefined);
  }

  private track<T>(statement: Promise<T>): Promise<T> {
    statement.catch(() => undefined); // observed in commit(); never an unhandled rejection
    this.sent.push(statement);
    return statement;
  }
}

/**
 * Runs work in a {@link PipelinedTransaction} on a connection of TypeORM's pool, and runs it
 * again, a bounded number of times, on deadlock (40P01) or serialization failure (40001).
 * Nothing is retried after a successful COMMIT.
 */
@Injectable()
export class PipelinedTransactionRunner {
  private readonly logger = new Logger(PipelinedTransactionRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: PipelinedTransaction) => Promise<T>, options: TransactionOptions): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work, options.plans);
      } catch (error) {
        const retryable = isRetryableTransactionError(error) || options.retryOn?.(error) === true;
        if (!retryable || attempt >= options.maxAttempts) throw error;
        options.onRetry?.(attempt, error);
        this.logger.warn(`transaction attempt ${attempt} aborted (${(error as { code?: string }).code}); retrying`);
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      }
    }
  }

  private async once<T>(work: (tx: PipelinedTransaction) => Promise<T>, plans: TransactionOptions['plans']): Promise<T> {
    const connection = await checkOutPgConnection(this.dataSource);
    let broken: unknown;
    try {
      const tx = new PipelinedTransaction(connection.client as unknown as PgClient, plans);
      try {
        const result = await work(tx);
        await tx.commit();
        return result;
      } catch (error) {
        if (isDatabaseUnavailableError(error)) broken = error;
        else await tx.rollback();
        throw error;
      }
    } finally {
      // A connection that failed is handed back with the error, so the pool discards it.
      await connection.release(broken);
    }
  }
}

/**
 * Runs each statement on a connection of TypeORM's pool (node-postgres's Pool under the
 * DataSource) as a named prepared statement, outside any transaction (reads, probes): planned
 * once per connection instead of on every call, without a TypeORM QueryRunner per statement.
 */
export function executorOf(dataSource: DataSource): SqlExecutor {
  const pool = typeormPgPool(dataSource) as unknown as PgClient;
  return {
    query: async <T>(name: string, text: string, values: readonly unknown[]): Promise<T[]> =>
      (await pool.query({ name, text, values })).rows as T[],
  };
}
