import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseFaultMonitor } from './database-fault-monitor';
import { DatabaseHealthRepository } from './database-health.repository';
import { DatabaseHealthService } from './database-health.service';
import { PipelinedTransactionRunner } from './pipelined-transaction';

/** The monitor exists before the connection pool, which reports to it. */
@Module({ providers: [DatabaseFaultMonitor], exports: [DatabaseFaultMonitor] })
class DatabaseFaultMonitorModule {}

/** The TypeORM connection (entities are registered by each lib with `forFeature`). */
@Global()
@Module({
  imports: [
    DatabaseFaultMonitorModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseFaultMonitorModule],
      inject: [ConfigService, DatabaseFaultMonitor],
      useFactory: (config: ConfigService<AppConfig, true>, faults: DatabaseFaultMonitor) => ({
        ...buildDataSourceOptions(config.get('database', { infer: true }), { onServerError: faults.onServerError }),
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [PipelinedTransactionRunner, DatabaseHealthRepository, DatabaseHealthService],
  exports: [PipelinedTransactionRunner, DatabaseHealthService, DatabaseFaultMonitorModule],
})
export class DatabaseModule {}
