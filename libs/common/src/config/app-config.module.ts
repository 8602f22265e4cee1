import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';

/**
 * Makes the validated configuration available everywhere through @nestjs/config:
 * `ConfigService<AppConfig, true>.get('ledger', { infer: true })`. The environment is validated
 * before the application is created (see `loadAppConfig`), so a bad value stops the process with
 * a one-line reason instead of a stack trace.
 */
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...config })] })],
      exports: [ConfigModule],
    };
  }
}
