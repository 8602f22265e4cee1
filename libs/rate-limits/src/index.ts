export * from './auth-failure-limiter';
export * from './rate-decision';
export * from './rate-limit-store';
export * from './rate-limit.http';
export * from './rate-limits.module';
export * from './request-rate-limiter';
