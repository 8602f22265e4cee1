import {
  databaseErrorCode,
  isDatabaseUnavailableError,
  isRetryableTransactionError,
  ServiceUnavailableException,
} from '@app/common';

/** SQLSTATE of lock_timeout. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * What to do when a batch's transaction failed and rolled back (nothing of it was written):
 * - `split-lock-timeout`: some account was held elsewhere for longer than DATABASE_LOCK_TIMEOUT_MS
 *   (an operator's transaction, say): the postings on the accounts still held get a 503, the
 *   others are posted again at once, so one busy account does not fail its neighbours (when the
 *   probe cannot tell which are held, every posting is retried on its own, as for `one-by-one`);
 * - `fail-all`: an unreachable database, exhausted deadlock retries, or a batch of one: every
 *   posting gets the error (a 503 for the first two: the client retries with its key);
 * - `one-by-one`: anything else: each posting runs in a transaction of its own, so only the faulty
 *   one fails.
 */
export type FailureDecision = 'split-lock-timeout' | 'fail-all' | 'one-by-one';

export function decideOnFailure(error: unknown, batchSize: number): FailureDecision {
  if (batchSize > 1 && databaseErrorCode(error) === LOCK_NOT_AVAILABLE) return 'split-lock-timeout';
  if (batchSize === 1 || isDatabaseUnavailableError(error) || isRetryableTransactionError(error)) return 'fail-all';
  return 'one-by-one';
}

/** The error a client sees for a failed batch: a 503 for what a retry can cure, else the error itself. */
export function toClientError(error: unknown): unknown {
  if (isDatabaseUnavailableError(error)) return new ServiceUnavailableException();
  if (isRetryableTransactionError(error)) {
    return new ServiceUnavailableException('The ledger is busy. Retry with the same idempotency key.');
  }
  return error;
}
