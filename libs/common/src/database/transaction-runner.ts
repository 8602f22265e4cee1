import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isRetryableTransactionError } from '../errors/database-errors';

export interface TransactionOptions {
  /** Total attempts, the first included. */
  readonly maxAttempts: number;
  /** Called before each new attempt (for metrics). */
  readonly onRetry?: (attempt: number, error: unknown) => void;
}

/**
 * Runs a unit of work in one database transaction and runs the whole unit again, a bounded number
 * of times, when PostgreSQL aborts it with a deadlock (40P01) or a serialization failure (40001).
 * Nothing is retried once COMMIT has succeeded, and no other error is retried.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>, options: TransactionOptions): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', work);
      } catch (error) {
        if (!isRetryableTransactionError(error) || attempt >= options.maxAttempts) throw error;
        options.onRetry?.(attempt, error);
        this.logger.warn(`transaction attempt ${attempt} aborted (${(error as { code?: string }).code}); retrying`);
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      }
    }
  }
}
