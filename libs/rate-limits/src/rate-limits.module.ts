import { Module } from '@nestjs/common';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { RateLimitStore } from './rate-limit-store';
import { RequestRateLimiter } from './request-rate-limiter';

/** Rate limits per credential and failed-authentication limits per address, in Redis (REDIS_URL) or per process. */
@Module({
  providers: [RateLimitStore, RequestRateLimiter, AuthFailureLimiter],
  exports: [RateLimitStore, RequestRateLimiter, AuthFailureLimiter],
})
export class RateLimitsModule {}
