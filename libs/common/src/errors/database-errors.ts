import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/**
 * Classifies errors from node-postgres (possibly wrapped by TypeORM's QueryFailedError) by SQLSTATE
 * and socket error codes, never by message text alone.
 */

const RETRYABLE_TRANSACTION = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure

const UNAVAILABLE_SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08P01', // connection exceptions
  '53300', // too_many_connections
  '57P01',
  '57P02',
  '57P03', // admin_shutdown, crash_shutdown, cannot_connect_now
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
]);

/**
 * Errors that say the client and the server disagree about the session, not about the data: a
 * named prepared statement missing or already there (a transaction-mode pooler handed the
 * connection's statements to another server session), a portal gone, a protocol violation
 * (PgBouncer reports its own refusals this way). Nothing was written; the client gets a 503, and
 * readiness turns 503 while they keep happening (see DatabaseFaultMonitor).
 */
const PROTOCOL_FAULT_SQLSTATES = new Set([
  '26000', // invalid_sql_statement_name: prepared statement "…" does not exist
  '42P05', // duplicate_prepared_statement: prepared statement "…" already exists
  '34000', // invalid_cursor_name: portal "…" does not exist
  '08P01', // protocol_violation (and PgBouncer's own errors)
]);

const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const UNAVAILABLE_MESSAGES = [
  'Query read timeout', // client-side query_timeout: the answer never came back
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end',
  'Connection is not established',
];

/** SQLSTATE or socket code of a database error, if it has one. */
export function databaseErrorCode(error: unknown): string | undefined {
  return driverErrorField(error, 'code');
}

/** The constraint a database error names (a unique, check or foreign-key violation), if it names one. */
export function databaseErrorConstraint(error: unknown): string | undefined {
  return driverErrorField(error, 'constraint');
}

/** A string field of node-postgres' error, also when TypeORM wraps it (`driverError`). */
function driverErrorField(error: unknown, field: 'code' | 'constraint'): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[field];
  if (typeof value === 'string') return value;
  const { driverError } = error as { driverError?: unknown };
  return driverError === undefined ? undefined : driverErrorField(driverError, field);
}

/** A deadlock or serialization failure: the whole transaction may be run again. */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return code !== undefined && RETRYABLE_TRANSACTION.has(code);
}

/**
 * The database is unreachable, overloaded or timed out: the client should retry later (503), and
 * nothing was committed by the failed statement.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  const code = databaseErrorCode(error);
  if (
    code !== undefined &&
    (UNAVAILABLE_SQLSTATES.has(code) || PROTOCOL_FAULT_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))
  )
    return true;
  // TypeORM releases a query runner whose connection failed; the next statement of its
  // transaction then throws one of these errors instead of a driver error.
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const message = error instanceof Error ? error.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}

/** A protocol-level disagreement between client and server (see PROTOCOL_FAULT_SQLSTATES). */
export function isProtocolFaultCode(code: string): boolean {
  return PROTOCOL_FAULT_SQLSTATES.has(code);
}

/** numeric_value_out_of_range: a bigint balance would overflow. */
export function isNumericOverflowError(error: unknown): boolean {
  return databaseErrorCode(error) === '22003';
}
