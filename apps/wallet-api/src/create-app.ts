import { authenticationMiddleware, Authenticator } from '@app/api-keys';
import {
  answerMalformedRequests,
  AppConfig,
  AppLogger,
  createRootLogger,
  inSequence,
  jsonBodyMiddleware,
  MetricsService,
  requestIdMiddleware,
  requestTargetMiddleware,
  writeEdgeHeadersWithEveryHead,
} from '@app/common';
import { AuthFailureLimiter, rateLimitMiddleware, RequestRateLimiter } from '@app/rate-limits';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { httpObservabilityMiddleware } from './http/http-observability.middleware';
import { applyServerTimeouts } from './http/server-timeouts';
import { securityHeadersMiddleware } from './http/security-headers';
import { ShutdownState } from './http/shutdown-state';
import { setupOpenApi } from './openapi';

/**
 * Builds the application exactly as production runs it (used by main, the CLI and the tests); main
 * passes the adapter of the server that already listens while it starts (see StartupServer).
 */
export async function createApp(
  config: AppConfig,
  adapter: ExpressAdapter = new ExpressAdapter(),
): Promise<NestExpressApplication> {
  const logger = new AppLogger(createRootLogger(config.log.level, 1, config.log.format));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), adapter, { bodyParser: false, logger });
  configureApp(app, logger, config);
  return app;
}

export function configureApp(app: NestExpressApplication, logger: AppLogger, config: AppConfig): void {
  app.disable('x-powered-by');
  answerMalformedRequests(app.getHttpServer());
  app.set('etag', false);
  writeEdgeHeadersWithEveryHead(app.getHttpAdapter().getInstance());
  applyServerTimeouts(app.getHttpServer(), config.http);
  app.set('trust proxy', app.get(ConfigService<AppConfig, true>).get('rateLimits', { infer: true }).trustProxy);
  // One Express layer for the edge, in this order. Credentials and rate limits come before the
  // body: a refused request is answered before its body is read.
  app.use(
    inSequence(
      requestIdMiddleware,
      httpObservabilityMiddleware(app.get(MetricsService), app.get(ShutdownState), logger.pino),
      securityHeadersMiddleware(),
      authenticationMiddleware(app.get(Authenticator), app.get(AuthFailureLimiter), logger.pino),
      rateLimitMiddleware(app.get(RequestRateLimiter), logger.pino),
      requestTargetMiddleware,
      jsonBodyMiddleware,
    ),
  );
  setupOpenApi(app);
}
