import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** The verdict on one request, and what the RateLimit-* headers say. */
export interface RateDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the current window ends and the budget is whole again. */
  readonly resetSeconds: number;
}

/**
 * Consumes one point. A refusal of the limiter is a decision; any other failure (the store) has
 * already been absorbed by the limiter's in-memory insurance, and is rethrown only if that failed too.
 */
export async function consumeOne(limiter: RateLimiterAbstract, key: string, limit: number): Promise<RateDecision> {
  try {
    return decision(true, limit, await limiter.consume(key, 1));
  } catch (rejection) {
    if (!isLimiterResult(rejection)) throw rejection;
    return decision(false, limit, rejection);
  }
}

function decision(allowed: boolean, limit: number, res: RateLimiterRes): RateDecision {
  return {
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

function isLimiterResult(value: unknown): value is RateLimiterRes {
  return typeof value === 'object' && value !== null && 'msBeforeNext' in value && 'remainingPoints' in value;
}
