import { AppConfig } from '@app/common';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { consumeOne, RateDecision } from './rate-decision';
import { RateLimitStore } from './rate-limit-store';

const WINDOW_SECONDS = 60;
/** Addresses blocked at once in this process (a flood of addresses cannot grow memory without bound). */
const MAX_BLOCKED = 100_000;

/**
 * Failed authentications per client address: at most AUTH_FAILURES_PER_MINUTE a minute (shared
 * through Redis when configured). Past it the address is refused with 429 for the rest of the
 * minute, whatever it sends — a secret that would be valid included, or the refusal would tell a
 * guesser which guess was right. The block is checked in memory, so only failures cost a store call.
 */
@Injectable()
export class AuthFailureLimiter {
  private readonly limiter: RateLimiterAbstract;
  private readonly limit: number;
  private readonly blockedUntil = new Map<string, number>();

  constructor(store: RateLimitStore, config: ConfigService<AppConfig, true>) {
    const settings = config.get('rateLimits', { infer: true });
    this.limit = settings.authFailuresPerMinute;
    const keyPrefix = `${settings.keyPrefix}:auth-failures`;
    const memory = new RateLimiterMemory({ points: this.limit, duration: WINDOW_SECONDS, keyPrefix });
    this.limiter =
      store.redis === undefined
        ? memory
        : new RateLimiterRedis({
            storeClient: store.redis,
            points: this.limit,
            duration: WINDOW_SECONDS,
            keyPrefix,
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
          });
  }

  /**
   * Seconds the client's address must still wait, or 0 when it may try. Takes the request, not its
   * address: while no address is blocked (the usual case) the address is not worked out at all
   * (Express's `request.ip` getter parses X-Forwarded-For and walks the trust-proxy list each time).
   */
  retryAfterSeconds(client: { readonly ip?: string }): number {
    if (this.blockedUntil.size === 0) return 0;
    const address = client.ip ?? 'unknown';
    const until = this.blockedUntil.get(address);
    if (until === undefined) return 0;
    const ms = until - Date.now();
    if (ms > 0) return Math.ceil(ms / 1000);
    this.blockedUntil.delete(address);
    return 0;
  }

  /** Counts a failure; a refusal means the address is now blocked for the rest of its window. */
  async recordFailure(address: string): Promise<RateDecision> {
    const decision = await consumeOne(this.limiter, address, this.limit);
    if (!decision.allowed) {
      if (this.blockedUntil.size >= MAX_BLOCKED) this.dropExpired();
      this.blockedUntil.set(address, Date.now() + decision.resetSeconds * 1000);
    }
    return decision;
  }

  private dropExpired(): void {
    const now = Date.now();
    for (const [address, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(address);
    if (this.blockedUntil.size >= MAX_BLOCKED) this.blockedUntil.clear();
  }
}
