import { DatabaseConnectionError } from './connection-errors';
import { isDatabaseUnavailableError } from '../errors/database-errors';

export interface WaitOptions {
  /** Give up after this long (DATABASE_STARTUP_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** True once the process has been asked to stop: the wait ends at once. */
  readonly stopRequested: () => boolean;
  readonly log: (message: string) => void;
  /** First pause between attempts; it doubles up to `maxDelayMs`. */
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
}

/** The wait ended because the process was asked to stop. */
export class StartupAbandonedError extends Error {
  override readonly name = 'StartupAbandonedError';
}

/**
 * Runs `attempt` until it succeeds, while the database is unreachable, starting up or refusing
 * connections (a replica starting during an outage waits instead of crash-looping), with
 * exponential backoff and jitter, up to `timeoutMs`; then throws one line naming the last error.
 * A configuration problem (wrong password, untrusted certificate, a pooler refusing startup
 * parameters, ...) is thrown at once: waiting would not mend it.
 */
export async function waitForDatabase<T>(attempt: () => Promise<T>, options: WaitOptions): Promise<T> {
  const started = Date.now();
  let delay = options.initialDelayMs ?? 250;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isWorthWaitingFor(error)) throw error;
      const waited = Date.now() - started;
      const reason = error instanceof Error ? error.message : String(error);
      if (waited >= options.timeoutMs) {
        throw new Error(
          `the database was not reachable within ${Math.round(options.timeoutMs / 1000)} s (DATABASE_STARTUP_TIMEOUT_MS); ` +
            `${tries} attempts, the last: ${reason}`,
          { cause: error },
        );
      }
      const pause = Math.min(delay * (0.75 + Math.random() * 0.5), options.timeoutMs - waited);
      options.log(`database unavailable (${reason}); not ready, retrying in ${(pause / 1000).toFixed(1)} s`);
      await sleepUnlessStopped(pause, options.stopRequested);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000);
    }
  }
}

function isWorthWaitingFor(error: unknown): boolean {
  if (error instanceof DatabaseConnectionError) return !error.isConfigurationProblem;
  return isDatabaseUnavailableError(error);
}

async function sleepUnlessStopped(ms: number, stopRequested: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (stopRequested()) throw new StartupAbandonedError('stop requested while waiting for the database');
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, until - Date.now())));
  }
  if (stopRequested()) throw new StartupAbandonedError('stop requested while waiting for the database');
}
