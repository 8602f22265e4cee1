// The rate-limits lib's public surface: its module, limiters, store and HTTP helpers.
export * from './auth-failure-limiter';
export type { RateDecision } from './rate-decision';
export * from './rate-limit-store';
export * from './rate-limit.http';
export * from './rate-limits.module';
export * from './request-rate-limiter';
