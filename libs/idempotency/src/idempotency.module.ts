import { Module } from '@nestjs/common';
import { IdempotencyPurgeService } from './idempotency-purge.service';
import { IdempotencyRecordsService } from './idempotency-records.service';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';

@Module({
  providers: [IdempotencyRepository, IdempotencyRecordsService, IdempotencyService, IdempotencyPurgeService],
  exports: [IdempotencyRecordsService, IdempotencyService, IdempotencyPurgeService],
})
export class IdempotencyModule {}
