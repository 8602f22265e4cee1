import { MetricsService } from '@app/common';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as Pino } from 'pino';
import { ShutdownState } from './shutdown-state';

/** Probes and scrapes are too frequent to log one line each (they are still measured). */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * One `finish` hook per request: the HTTP duration histogram (labelled by route template, never
 * by raw path, so ids cannot explode the label set) and one JSON access-log line with method,
 * route, path, status, duration, request id and the credential's id (never its secret) — no headers,
 * no query string, no body, so neither secrets nor player data reach the logs. While draining, clients are asked to close their
 * connection after the response.
 *
 * The line's level says whose fault it is: `error` only for a real server fault (a 500), `warn` for
 * a 503 (the database unreachable or the service overloaded: retried by clients, watched by
 * operators), `info` for every other answer, 4xx included — a client's mistake is not an alert.
 */
export function httpObservabilityMiddleware(metrics: MetricsService, shutdown: ShutdownState, logger: Pino) {
  const logRequests = logger.isLevelEnabled('info');
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    if (shutdown.draining) response.setHeader('Connection', 'close');
    shutdown.inFlight++;
    response.once('close', () => shutdown.inFlight--);
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = request.route?.path ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
      const status = response.statusCode;
      metrics.httpDuration.observe({ method: request.method, route, status: String(status) }, seconds);
      if ((logRequests || status >= 500) && !QUIET_PATHS.has(request.path)) {
        const durationMs = Math.round(seconds * 10000) / 10;
        logger[levelOf(status)](
          {
            requestId: request.id,
            keyId: request.credential?.id,
            method: request.method,
            route,
            path: request.path,
            status,
            durationMs,
          },
          `${request.method} ${route} ${status} ${durationMs}ms`,
        );
      }
    });
    next();
  };
}

function levelOf(status: number): 'error' | 'warn' | 'info' {
  if (status === 503) return 'warn';
  return status >= 500 ? 'error' : 'info';
}
