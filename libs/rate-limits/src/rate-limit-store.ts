import { AppConfig } from '@app/common';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';

/** What the readiness probe shows of the limiters' store. */
export interface RateLimitStoreStatus {
  /** `redis`: counters shared by every replica; `memory`: each process counts alone. */
  readonly store: 'redis' | 'memory';
  /** Set when REDIS_URL is configured but Redis cannot be reached right now. */
  readonly message?: string;
}

/**
 * The Redis connection of the rate limiters (REDIS_URL), or none. Commands never queue while Redis
 * is away and time out quickly, so a Redis outage costs a request nothing: the limiters fall back to
 * counting in this process (said once in the log and in readiness), and go back to Redis on their
 * own when it returns. Commands issued in one event-loop turn travel as one pipeline.
 */
@Injectable()
export class RateLimitStore implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  readonly redis: Redis | undefined;
  private reachable = false;
  private warned = false;

  constructor(config: ConfigService<AppConfig, true>) {
    const { redisUrl } = config.get('rateLimits', { infer: true });
    if (redisUrl === undefined) return;
    this.redis = new Redis(redisUrl, {
      enableOfflineQueue: false,
      enableAutoPipelining: true,
      maxRetriesPerRequest: 0,
      commandTimeout: 200,
      connectTimeout: 2000,
      // Keep trying, at most every 2 s, for as long as the process runs.
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.redis.on('ready', () => {
      this.reachable = true;
      if (this.warned) this.logger.log('Redis is reachable again: rate limits are shared by every replica again');
      this.warned = false;
    });
    const lost = (reason: string) => {
      this.reachable = false;
      if (this.warned) return;
      this.warned = true;
      this.logger.warn(`Redis is unreachable (${reason}): rate limits are counted per process until it returns`);
    };
    this.redis.on('error', (error: Error) => lost(error.message));
    this.redis.on('close', () => lost('connection closed'));
  }

  status(): RateLimitStoreStatus {
    if (this.redis === undefined) return { store: 'memory' };
    return this.reachable
      ? { store: 'redis' }
      : { store: 'memory', message: 'Redis is unreachable: limits are counted per process' };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis === undefined) return;
    this.redis.removeAllListeners('close');
    await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}
