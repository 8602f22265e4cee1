import { AppConfig, jsonBodyMiddleware, LogLevel, MetricsService, requestIdMiddleware } from '@app/common';
import { LogLevel as NestLogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { httpMetricsMiddleware } from './http/http-metrics.middleware';
import { ShutdownState } from './http/shutdown-state';
import { setupOpenApi } from './openapi';

/** Builds the application exactly as production runs it (used by main, the CLI and the tests). */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: nestLogLevels(config.log.level),
  });
  configureApp(app);
  return app;
}

export function configureApp(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestIdMiddleware);
  app.use(httpMetricsMiddleware(app.get(MetricsService), app.get(ShutdownState)));
  app.use(jsonBodyMiddleware);
  setupOpenApi(app);
}

export function nestLogLevels(level: LogLevel): NestLogLevel[] | false {
  const order: NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const cut = { silent: 0, fatal: 1, error: 2, warn: 3, info: 4, debug: 5, trace: 6 }[level];
  return cut === 0 ? false : order.slice(0, cut);
}
