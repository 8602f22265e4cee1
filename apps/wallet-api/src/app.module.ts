import { ApiKeysModule, ScopeGuard } from '@app/api-keys';
import {
  AppConfig,
  AppConfigModule,
  createValidationPipe,
  DatabaseModule,
  MetricsModule,
  ProblemExceptionFilter,
} from '@app/common';
import { AssetsModule } from '@app/assets';
import { LedgerModule } from '@app/ledger';
import { RateLimitsModule } from '@app/rate-limits';
import { WalletsModule } from '@app/wallets';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ApiKeysController } from './controllers/api-keys.controller';
import { AssetsController } from './controllers/assets.controller';
import { HealthController } from './controllers/health.controller';
import { HoldsController } from './controllers/holds.controller';
import { LedgerController } from './controllers/ledger.controller';
import { MetricsController } from './controllers/metrics.controller';
import { TransactionsController } from './controllers/transactions.controller';
import { UsersController } from './controllers/users.controller';
import { WalletOperationsController } from './controllers/wallet-operations.controller';
import { DatabasePoolMetrics } from './http/database-pool-metrics';
import { ShutdownState } from './http/shutdown-state';

/**
 * The HTTP application: wiring only. The global guard (scopes), pipe and filter are APP_* providers,
 * so the tests, which build this module, run exactly what production runs.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule,
        MetricsModule,
        TerminusModule.forRoot({ logger: false }),
        ApiKeysModule,
        RateLimitsModule,
        AssetsModule,
        LedgerModule,
        WalletsModule,
      ],
      controllers: [
        UsersController,
        AssetsController,
        WalletOperationsController,
        TransactionsController,
        HoldsController,
        LedgerController,
        HealthController,
        MetricsController,
        ApiKeysController,
      ],
      providers: [
        ShutdownState,
        DatabasePoolMetrics,
        { provide: APP_FILTER, useClass: ProblemExceptionFilter },
        { provide: APP_GUARD, useClass: ScopeGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
