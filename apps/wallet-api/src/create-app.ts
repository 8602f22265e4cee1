import { AppConfig, jsonBodyMiddleware, MetricsService, requestIdMiddleware } from '@app/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { httpMetricsMiddleware } from './http/http-metrics.middleware';
import { ShutdownState } from './http/shutdown-state';
import { setupOpenApi } from './openapi';

/** Builds the application exactly as production runs it (used by main, the CLI and the tests). */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
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
