import { buildProblem, ErrorCode, sendProblem, setRateLimitEdgeHeaders } from '@app/common';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as Pino } from 'pino';
import type { RateDecision } from './rate-decision';
import { RequestRateLimiter } from './request-rate-limiter';

/** 429 RATE_LIMITED with Retry-After in whole seconds. Never stored under an idempotency key: nothing behind it ran. */
export function refuseRateLimited(response: Response, retryAfterSeconds: number, detail: string): void {
  response.setHeader('Retry-After', String(Math.max(1, retryAfterSeconds)));
  sendProblem(response, buildProblem(ErrorCode.RATE_LIMITED, detail));
}

/**
 * Runs right after authentication, before the body is read: every authenticated answer carries its
 * credential's RateLimit-* headers, and a credential over its budget gets 429. If the limiter itself
 * fails the request goes through: a broken limiter must not stop money from moving.
 */
export function rateLimitMiddleware(limiter: RequestRateLimiter, logger: Pino) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const credential = request.credential;
    const decided = credential && limiter.consume(credential.id, credential.rateLimitPerSecond);
    if (!decided) {
      next();
      return;
    }
    if (!(decided instanceof Promise)) {
      answer(decided, response, next);
      return;
    }
    decided.then(
      (decision) => answer(decision, response, next),
      (error: unknown) => {
        logger.warn(
          { requestId: request.id },
          `rate limiter failed, request let through: ${error instanceof Error ? error.message : String(error)}`,
        );
        next();
      },
    );
  };
}

function answer(decision: RateDecision, response: Response, next: NextFunction): void {
  setRateLimitEdgeHeaders(response, decision);
  if (decision.allowed) next();
  else
    refuseRateLimited(
      response,
      decision.resetSeconds,
      `This credential may make ${decision.limit} requests per second. Retry after ${decision.resetSeconds} s.`,
    );
}
