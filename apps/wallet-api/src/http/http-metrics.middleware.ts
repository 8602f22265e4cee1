import { MetricsService } from '@app/common';
import type { NextFunction, Request, Response } from 'express';
import { ShutdownState } from './shutdown-state';

/**
 * Times every request into the HTTP histogram (labelled by route template, never by raw path, so
 * ids do not explode the label set) and, while draining, asks clients to close their connection.
 */
export function httpMetricsMiddleware(metrics: MetricsService, shutdown: ShutdownState) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    if (shutdown.draining) response.setHeader('Connection', 'close');
    response.once('finish', () => {
      const route = request.route?.path ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
      metrics.httpDuration.observe(
        { method: request.method, route, status: String(response.statusCode) },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  };
}
