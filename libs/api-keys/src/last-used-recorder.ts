import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ApiKeysRepository } from './api-keys.repository';

const ONCE_A_MINUTE_MS = 60_000;
const FLUSH_DELAY_MS = 1_000;

/**
 * Keeps `lastUsedAt` of API keys without touching the request path: a use is noted in memory (at
 * most once a minute per key) and written a second later, for all keys noted meanwhile, in one
 * UPDATE on the pool — never inside a ledger transaction.
 */
@Injectable()
export class LastUsedRecorder implements OnApplicationShutdown {
  private readonly logger = new Logger(LastUsedRecorder.name);
  private readonly notedAt = new Map<string, number>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly keys: ApiKeysRepository) {}

  note(keyId: string): void {
    const now = Date.now();
    const last = this.notedAt.get(keyId);
    if (last !== undefined && now - last < ONCE_A_MINUTE_MS) return;
    this.notedAt.set(keyId, now);
    this.pending.add(keyId);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS).unref();
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ids = [...this.pending];
    this.pending.clear();
    try {
      await this.keys.touchLastUsed(ids);
    } catch (error) {
      this.logger.warn(
        `could not record lastUsedAt of ${ids.length} key(s): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.pending.size > 0) await this.flush();
  }
}
