import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyRecordEntity } from './entities/idempotency-record.entity';
import { IdempotencyPurgeService } from './idempotency-purge.service';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';

@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyRecordEntity])],
  providers: [IdempotencyRepository, IdempotencyService, IdempotencyPurgeService],
  exports: [IdempotencyRepository, IdempotencyService, IdempotencyPurgeService],
})
export class IdempotencyModule {}
