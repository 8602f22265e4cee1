import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { PipelinedTransactionRunner } from './pipelined-transaction';

/** The TypeORM connection (entities are registered by each lib with `forFeature`). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        ...buildDataSourceOptions(config.get('database', { infer: true })),
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [PipelinedTransactionRunner],
  exports: [PipelinedTransactionRunner],
})
export class DatabaseModule {}
