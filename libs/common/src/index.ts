// The common lib's public surface: configuration, database infrastructure (data source, set-up,
// pipelined transactions, the one adapter over TypeORM's pool, readiness), errors, HTTP plumbing,
// money, metrics and logging. Its repository (the readiness ping) stays inside.
export * from './config/app-config';
export * from './config/app-config.module';
export * from './config/environment';
export * from './database/data-source-options';
export * from './database/database-setup';
export * from './database/database.module';
export * from './database/database-health.service';
export * from './database/embedded-postgres';
export * from './errors/database-errors';
export * from './errors/domain.exception';
export * from './errors/error-code';
export * from './errors/problem';
export * from './errors/problem-exception.filter';
export * from './http/client-error';
export * from './http/edge-headers';
export * from './http/in-sequence';
export * from './http/json-body.middleware';
export * from './http/request-id.middleware';
export * from './http/request-target.middleware';
export * from './http/validation.pipe';
export * from './http/validation-metadata-cache';
export * from './money/amount';
export * from './money/is-amount.decorator';
export * from './metrics/metrics.module';
export * from './metrics/metrics.service';
export * from './errors/problem.dto';
export * from './logging/logging';
export * from './database/pipelined-transaction';
export * from './database/connection-errors';
export * from './database/database-fault-monitor';
export * from './database/wait-for-database';
export * from './database/transaction-pooler-client';
export { typeormPgPool, typeormPgPoolIfConnected } from './database/typeorm-pg-pool.adapter';
