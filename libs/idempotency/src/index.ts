// The idempotency lib's public surface: its module, services, key rules and domain types. The
// repository (its SQL) stays inside: other libs reach the records through IdempotencyRecordsService.
export * from './fingerprint';
export * from './idempotency-key';
export * from './idempotency-purge.service';
export * from './idempotency-record';
export * from './idempotency-records.service';
export * from './idempotency.exception';
export * from './idempotency.module';
export * from './idempotency.service';
export * from './stored-response';
