import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface PoolStats {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

/**
 * The service's Prometheus metrics, in one registry per application instance (tests build many
 * applications in one process). Libraries record through the typed members; `GET /metrics`
 * renders the registry.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly postings = new Counter({
    name: 'ledger_postings_total',
    help: 'Journal transactions posted, by type and asset',
    labelNames: ['type', 'asset'] as const,
    registers: [this.registry],
  });

  readonly rejections = new Counter({
    name: 'ledger_rejections_total',
    help: 'Requests refused with a contract error code (business rules, validation, conflicts)',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly idempotentReplays = new Counter({
    name: 'idempotency_replays_total',
    help: 'Writes answered with a stored outcome (Idempotent-Replayed: true)',
    registers: [this.registry],
  });

  readonly transactionRetries = new Counter({
    name: 'ledger_transaction_retries_total',
    help: 'Batch transactions run again after a deadlock or serialization failure',
    registers: [this.registry],
  });

  readonly batches = new Counter({
    name: 'ledger_batches_total',
    help: 'Batch transactions committed, by path: single_flight (one round trip, decided from the balances this process wrote last) or two_flights (balances read under the locks first)',
    labelNames: ['path'] as const,
    registers: [this.registry],
  });

  readonly singleFlightFallbacks = new Counter({
    name: 'ledger_single_flight_fallbacks_total',
    help: 'Batches written in one round trip that rolled back and ran again the two-flight way, by reason (stale_balance: another process wrote an account; key_taken: a key had a record; other)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly lockWait = new Histogram({
    name: 'ledger_lock_wait_seconds',
    help: "Time of a batch's first flight: claiming its keys and locking its accounts (SELECT … FOR UPDATE), waits included",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  readonly batchSize = new Histogram({
    name: 'ledger_batch_size',
    help: 'Postings per database transaction (group commit)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [this.registry],
  });

  readonly queueDepth = new Gauge({
    name: 'ledger_queue_depth',
    help: 'Postings waiting for a batch',
    registers: [this.registry],
  });

  private poolStats: (() => PoolStats | undefined) | undefined;

  readonly poolConnections = new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting clients)',
    labelNames: ['state'] as const,
    registers: [this.registry],
    collect: () => {
      const stats = this.poolStats?.();
      if (!stats) return;
      for (const [state, value] of Object.entries(stats)) this.poolConnections.set({ state }, value);
    },
  });

  readonly lastVerifyOk = new Gauge({
    name: 'ledger_verify_ok',
    help: 'Result of the last ledger verification: 1 ok, 0 mismatches found, -1 never run',
    registers: [this.registry],
  });

  readonly lastVerifyTimestamp = new Gauge({
    name: 'ledger_verify_last_run_timestamp_seconds',
    help: 'When the last ledger verification finished (Unix time)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.lastVerifyOk.set(-1);
  }

  /** Where the pool gauge reads its numbers at scrape time. */
  watchPool(source: () => PoolStats | undefined): void {
    this.poolStats = source;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
