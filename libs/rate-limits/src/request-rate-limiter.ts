import { AppConfig } from '@app/common';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { InProcessWindows } from './in-process-windows';
import { consumeOne, RateDecision } from './rate-decision';
import { RateLimitStore } from './rate-limit-store';

/**
 * Requests per second per credential: the API key's own `rateLimitPerSecond`, else
 * RATE_LIMIT_PER_SECOND (0 = unlimited). Counted in one-second windows of that many requests
 * (rate-limiter-flexible), in Redis when configured — every replica shares one budget — else in
 * this process. A credential over its budget is refused in memory until its window ends, without
 * asking Redis again. Counted in this process, a decision is synchronous (no promise per request).
 */
@Injectable()
export class RequestRateLimiter {
  private readonly limiters = new Map<number, RateLimiterAbstract>();
  private readonly inProcess = new Map<number, InProcessWindows>();
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

  /** @returns the decision (a promise when counted in Redis), or undefined when the credential is not limited. */
  consume(credentialId: string, ownPerSecond: number | null): RateDecision | Promise<RateDecision> | undefined {
    const perSecond = ownPerSecond ?? this.defaultPerSecond;
    if (perSecond === 0) return undefined;
    if (this.store.redis === undefined) return this.windowsFor(perSecond).consume(credentialId, perSecond);
    return consumeOne(this.limiterFor(perSecond), credentialId, perSecond);
  }

  /** Without Redis: one set of windows per distinct rate (as {@link limiterFor}). */
  private windowsFor(perSecond: number): InProcessWindows {
    let windows = this.inProcess.get(perSecond);
    if (windows === undefined) {
      windows = new InProcessWindows(1000);
      this.inProcess.set(perSecond, windows);
    }
    return windows;
  }

  /** With Redis: one limiter per distinct rate (a key's counter is kept per rate, so changing it starts afresh). */
  private limiterFor(points: number): RateLimiterAbstract {
    let limiter = this.limiters.get(points);
    if (limiter === undefined) {
      const keyPrefix = `${this.keyPrefix}:rate:${points}`;
      limiter = new RateLimiterRedis({
        storeClient: this.store.redis,
        points,
        duration: 1,
        keyPrefix,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration: 1, keyPrefix }),
        inMemoryBlockOnConsumed: points,
      });
      this.limiters.set(points, limiter);
    }
    return limiter;
  }
}
