import { AppConfig } from '@app/common';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { consumeOne, RateDecision } from './rate-decision';
import { RateLimitStore } from './rate-limit-store';

/**
 * Requests per second per credential: the API key's own `rateLimitPerSecond`, else
 * RATE_LIMIT_PER_SECOND (0 = unlimited). Counted in one-second windows of that many requests
 * (rate-limiter-flexible), in Redis when configured — every replica shares one budget — else in
 * this process. A credential over its budget is refused in memory until its window ends, without
 * asking Redis again.
 */
@Injectable()
export class RequestRateLimiter {
  private readonly limiters = new Map<number, RateLimiterAbstract>();
  private readonly defaultPerSecond: number;
  private readonly keyPrefix: string;

  constructor(
    private readonly store: RateLimitStore,
    config: ConfigService<AppConfig, true>,
  ) {
    const settings = config.get('rateLimits', { infer: true });
    this.defaultPerSecond = settings.perSecond;
    this.keyPrefix = settings.keyPrefix;
  }

  /** @returns the decision, or undefined when the credential is not limited. */
  consume(credentialId: string, ownPerSecond: number | null): Promise<RateDecision> | undefined {
    const perSecond = ownPerSecond ?? this.defaultPerSecond;
    if (perSecond === 0) return undefined;
    return consumeOne(this.limiterFor(perSecond), credentialId, perSecond);
  }

  /** One limiter per distinct rate (a key's counter is kept per rate, so changing it starts afresh). */
  private limiterFor(points: number): RateLimiterAbstract {
    let limiter = this.limiters.get(points);
    if (limiter === undefined) {
      const keyPrefix = `${this.keyPrefix}:rate:${points}`;
      const memory = new RateLimiterMemory({ points, duration: 1, keyPrefix });
      limiter =
        this.store.redis === undefined
          ? memory
          : new RateLimiterRedis({
              storeClient: this.store.redis,
              points,
              duration: 1,
              keyPrefix,
              rejectIfRedisNotReady: true,
              insuranceLimiter: memory,
              inMemoryBlockOnConsumed: points,
            });
      this.limiters.set(points, limiter);
    }
    return limiter;
  }
}
