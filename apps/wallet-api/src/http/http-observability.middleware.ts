import { MetricsService } from '@app/common';
import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { Logger as Pino } from 'pino';
import { ShutdownState } from './shutdown-state';

/** Probes and scrapes are too frequent to log one line each (they are still measured). */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/** A labelled child of the duration histogram. */
type Timer = { observe(seconds: number): void };

/**
 * One `close` hook per request: the HTTP duration histogram (labelled by route template, never
 * by raw path, so ids cannot explode the label set) and one JSON access-log line with method,
 * route, path, status, duration, request id and the credential's id (never its secret) — no headers,
 * no query string, no body, so neither secrets nor player data reach the logs. While draining, clients are asked to close their
 * connection after the response.
 *
 * The line's level says whose fault it is: `error` only for a real server fault (a 500), `warn` for
 * a 503 (the database unreachable or the service overloaded: retried by clients, watched by
 * operators), `info` for every other answer, 4xx included — a client's mistake is not an alert.
 *
 * Every request passes here, so it is kept lean: one listener (a response emits `close` after
 * `finish`, and also when its connection goes first — then nothing is measured, as before), a
 * float clock, and the histogram's labelled child looked up per route object and status instead
 * of hashing a label object per request.
 */
export function httpObservabilityMiddleware(metrics: MetricsService, shutdown: ShutdownState, logger: Pino) {
  const logRequests = logger.isLevelEnabled('info');
  const durations = new DurationsByRoute(metrics);
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = performance.now();
    if (shutdown.draining) response.setHeader('Connection', 'close');
    shutdown.inFlight++;
    response.on('close', () => {
      shutdown.inFlight--;
      if (!response.writableFinished) return;
      const seconds = (performance.now() - started) / 1000;
      const status = response.statusCode;
      durations.observe(request, status, seconds);
      if ((logRequests || status >= 500) && !QUIET_PATHS.has(request.path)) {
        const route = routeLabel(request);
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

/** The route template (`/v1/users/:userId`), never the raw path; `unmatched` when no route answered. */
function routeLabel(request: Request): string {
  return request.route?.path ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
}

/** The duration histogram's children, one per route object, method and status, made on first use. */
class DurationsByRoute {
  private readonly byRoute = new WeakMap<object, Map<string, Map<number, Timer>>>();
  private readonly unmatched = new Map<string, Map<number, Timer>>();

  constructor(private readonly metrics: MetricsService) {}

  observe(request: Request, status: number, seconds: number): void {
    const route = request.route as object | undefined;
    let byMethod = route === undefined ? this.unmatched : this.byRoute.get(route);
    if (byMethod === undefined) {
      byMethod = new Map();
      this.byRoute.set(route!, byMethod);
    }
    let byStatus = byMethod.get(request.method);
    if (byStatus === undefined) {
      byStatus = new Map();
      byMethod.set(request.method, byStatus);
    }
    let timer = byStatus.get(status);
    if (timer === undefined) {
      timer = this.metrics.httpDuration.labels({ method: request.method, route: routeLabel(request), status: String(status) });
      byStatus.set(status, timer);
    }
    timer.observe(seconds);
  }
}

function levelOf(status: number): 'error' | 'warn' | 'info' {
  if (status === 503) return 'warn';
  return status >= 500 ? 'error' : 'info';
}
