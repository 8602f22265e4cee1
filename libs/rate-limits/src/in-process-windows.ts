import type { RateDecision } from './rate-decision';

/** Keys counted at once; past it, windows that have ended are dropped before a new one opens. */
const MAX_KEYS = 100_000;

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Fixed windows counted in this process, synchronously: a key's window opens at its first request
 * and lasts `durationMs`; each request counts one, and past `limit` requests are refused until the
 * window ends — the arithmetic of rate-limiter-flexible's RateLimiterMemory, which the limiters use
 * with Redis as their in-memory insurance. Without Redis every request asks this counter, so it
 * answers without the library's two promises per request (a decision is a map look-up).
 */
export class InProcessWindows {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly durationMs: number) {}

  consume(key: string, limit: number, now = Date.now()): RateDecision {
    let window = this.windows.get(key);
    if (window === undefined) {
      if (this.windows.size >= MAX_KEYS) this.dropEnded(now);
      window = { count: 0, endsAt: now + this.durationMs };
      this.windows.set(key, window);
    } else if (window.endsAt <= now) {
      window.count = 0;
      window.endsAt = now + this.durationMs;
    }
    window.count++;
    return {
      allowed: window.count <= limit,
      limit,
      remaining: Math.max(0, limit - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)),
    };
  }

  private dropEnded(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
