import { DinoClientConfig, TimeoutAwareClient } from './timeout-aware-client';

/** Session settings that a transaction-mode pooler cannot carry, applied to each transaction instead. */
export interface TransactionSettings {
  readonly statementTimeoutMs: number;
  readonly lockTimeoutMs: number;
  readonly idleInTransactionTimeoutMs: number;
}

export interface TransactionPoolerClientConfig extends DinoClientConfig {
  readonly transactionSettings: TransactionSettings;
}

const BEGINS_TRANSACTION = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
/** COMMIT, END, ABORT, ROLLBACK — but not ROLLBACK TO SAVEPOINT, which stays in the transaction. */
const ENDS_TRANSACTION = /^\s*(COMMIT|END|ABORT|ROLLBACK(?!\s+TO\b))\b/i;
/** Statements that may wait on a lock or run long: the ones that get the timeouts outside a transaction. */
const TIMED_STATEMENT = /^\s*(\(|SELECT|INSERT|UPDATE|DELETE|WITH|VALUES|TABLE|MERGE|CALL|LOCK)\b/i;

type QueryConfig = { text?: string; name?: string; submit?: unknown };

/**
 * The connection class for DATABASE_POOLER=transaction: safe behind a transaction-mode pooler
 * (PgBouncer with stock settings, Neon's and Supabase's pooled URLs), where consecutive
 * transactions of one client connection may run on different server sessions.
 *
 * - No startup parameters: the pool gives it none (a stock PgBouncer refuses statement_timeout,
 *   lock_timeout, options, ...). The timeouts are set per transaction instead: `SET LOCAL …` is
 *   sent right behind every BEGIN, in the same pipelined flight (no extra round trip), and a
 *   statement sent outside a transaction is wrapped in `BEGIN; SET LOCAL …` … `COMMIT`, also
 *   pipelined. SET LOCAL ends with its transaction, so no session is left changed.
 * - No named prepared statements: a statement's name is dropped, so it is sent as an unnamed
 *   statement (parsed and planned on every execution) — a named one prepared on one server session
 *   would be missing, or already there, on the next.
 *
 * Whether a statement runs inside a transaction is known from what this client sent (statements
 * are pipelined, so the server's last ReadyForQuery status can be behind).
 */
export class TransactionPoolerClient extends TimeoutAwareClient {
  private inTransaction = false;
  private readonly settings: string;

  constructor(config: TransactionPoolerClientConfig) {
    super(config);
    const s = config.transactionSettings;
    this.settings = [
      `SET LOCAL statement_timeout = ${Math.trunc(s.statementTimeoutMs)}`,
      `SET LOCAL lock_timeout = ${Math.trunc(s.lockTimeoutMs)}`,
      `SET LOCAL idle_in_transaction_session_timeout = ${Math.trunc(s.idleInTransactionTimeoutMs)}`,
    ].join('; ');
  }

  override query(...args: unknown[]): never {
    const [config] = args;
    const text = typeof config === 'string' ? config : (config as QueryConfig | undefined)?.text;
    if (typeof text !== 'string' || (typeof config === 'object' && typeof (config as QueryConfig).submit === 'function')) {
      return super.query(...args);
    }
    if (typeof config === 'object' && (config as QueryConfig).name !== undefined) {
      args[0] = { ...(config as QueryConfig), name: undefined };
    }
    if (BEGINS_TRANSACTION.test(text)) {
      this.inTransaction = true;
      const result = super.query(...args);
      this.send(this.settings);
      return result;
    }
    if (ENDS_TRANSACTION.test(text)) {
      this.inTransaction = false;
      return super.query(...args);
    }
    if (this.inTransaction || !TIMED_STATEMENT.test(text)) return super.query(...args);
    this.send(`BEGIN; ${this.settings}`);
    const result = super.query(...args);
    this.send('COMMIT');
    return result;
  }

  /** A statement of this client's own; its failure shows in the caller's statement beside it. */
  private send(text: string): void {
    (super.query({ text }) as unknown as Promise<unknown>).catch(() => undefined);
  }
}
