import { AppConfig } from '@app/common';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { IdempotencyKeyInProgressException, IdempotencyKeyReusedException } from './idempotency.exception';
import { scopedKey } from './idempotency-record';
import { WriteResult } from './stored-response';

interface InFlight {
  readonly fingerprint: string;
  readonly outcome: Promise<WriteResult>;
}

/**
 * Coordinates requests that share an idempotency key inside this process. The first one runs;
 * the others wait for it (at most `IDEMPOTENCY_WAIT_MS`) and then answer from its stored outcome:
 * the replay for the same request, IDEMPOTENCY_KEY_REUSED for a different one, 409 when the wait
 * runs out. When the first one ends without a stored outcome (a 404 or a 503), a waiter runs its
 * own request. Across processes the database does the job: the second transaction's record insert
 * waits for the first's and fails once it commits, and its batch runs again and replays it (see
 * `IdempotencyRecordsService.store`).
 */
@Injectable()
export class IdempotencyService {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly waitMs: number;

  constructor(config: ConfigService<AppConfig, true>) {
    this.waitMs = config.get('idempotency', { infer: true }).waitMs;
  }

  exclusive(userId: string, key: string, fingerprint: string, work: () => Promise<WriteResult>): Promise<WriteResult> {
    const id = scopedKey(userId, key);
    // The usual case, no duplicate in flight: run at once, without an extra async frame per request.
    if (!this.inFlight.has(id)) return this.run(id, fingerprint, work);
    return this.afterRunning(id, fingerprint, work);
  }

  private async afterRunning(id: string, fingerprint: string, work: () => Promise<WriteResult>): Promise<WriteResult> {
    const deadline = Date.now() + this.waitMs;
    for (let running = this.inFlight.get(id); running; running = this.inFlight.get(id)) {
      const settled = await settleWithin(running.outcome, deadline - Date.now());
      if (settled === 'timeout') throw new IdempotencyKeyInProgressException();
      if (settled.ok) {
        // Every result of `work` is a stored outcome of the request with `running.fingerprint`.
        if (running.fingerprint !== fingerprint) throw new IdempotencyKeyReusedException();
        return { ...settled.value, replayed: true };
      }
    }
    return this.run(id, fingerprint, work);
  }

  /** Runs `work` as the key's request in flight until it settles. */
  private run(id: string, fingerprint: string, work: () => Promise<WriteResult>): Promise<WriteResult> {
    let outcome: Promise<WriteResult>;
    try {
      outcome = work();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const entry: InFlight = { fingerprint, outcome };
    this.inFlight.set(id, entry);
    const done = (): void => {
      if (this.inFlight.get(id) === entry) this.inFlight.delete(id);
    };
    outcome.then(done, done);
    return outcome;
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false };

async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<Settled<T> | 'timeout'> {
  if (ms <= 0) return 'timeout';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (value): Settled<T> => ({ ok: true, value }),
        (): Settled<T> => ({ ok: false }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
