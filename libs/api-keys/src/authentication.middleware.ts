import {
  buildProblem,
  ErrorCode,
  isDatabaseUnavailableError,
  sendProblem,
  setRateLimitEdgeHeaders,
  WWW_AUTHENTICATE,
} from '@app/common';
import { AuthFailureLimiter, refuseRateLimited } from '@app/rate-limits';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as Pino } from 'pino';
import { UnauthenticatedException } from './api-keys.exception';
import { AuthenticationResult, Authenticator } from './authenticator.service';

/** Paths that need a credential: the API and the metrics (health, docs and the document are public). */
const PROTECTED = /^\/(v1|metrics)(\/|$)/i;

/**
 * Authenticates every request to a protected path before anything else reads it: the body is not
 * read, validated or parsed, and no idempotency record is looked at, for a request without a valid
 * credential (401). The credential found is set on the request for the scope guard, the use cases
 * (attribution) and the access log. Cached credentials are resolved synchronously.
 *
 * Failures count against the client address (AuthFailureLimiter): its RateLimit-* headers come with
 * each 401, and past the budget the address gets 429 for the rest of the minute — checked first, in
 * memory, so a blocked address costs nothing more.
 */
export function authenticationMiddleware(authenticator: Authenticator, failures: AuthFailureLimiter, logger: Pino) {
  const settle = (result: AuthenticationResult, request: Request, response: Response, next: NextFunction): void => {
    if (result.ok) {
      request.credential = result.credential;
      next();
      return;
    }
    const address = request.ip ?? 'unknown';
    failures.recordFailure(address).then(
      (decision) => {
        setRateLimitEdgeHeaders(response, decision);
        refuse(response, result, !decision.allowed, decision.resetSeconds);
      },
      () => refuse(response, result, false, 0),
    );
  };
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!PROTECTED.test(request.path)) {
      next();
      return;
    }
    const wait = failures.retryAfterSeconds(request);
    if (wait > 0) {
      refuseRateLimited(response, wait, `Too many failed authentications from this address. Retry after ${wait} s.`);
      return;
    }
    const result = authenticator.authenticate(request.headers.authorization, request.socket);
    if (!(result instanceof Promise)) {
      settle(result, request, response, next);
      return;
    }
    result.then(
      (settled) => settle(settled, request, response, next),
      (error: unknown) => {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (isDatabaseUnavailableError(error)) logger.warn({ requestId: request.id }, `credential look-up failed: ${message}`);
        else logger.error({ requestId: request.id }, `credential look-up failed: ${message}`);
        sendProblem(
          response,
          buildProblem(ErrorCode.SERVICE_UNAVAILABLE, 'The service cannot check credentials right now. Retry later.'),
        );
      },
    );
  };
}

function refuse(
  response: Response,
  result: Extract<AuthenticationResult, { ok: false }>,
  throttled: boolean,
  retryAfter: number,
): void {
  if (throttled) {
    refuseRateLimited(response, retryAfter, `Too many failed authentications from this address. Retry after ${retryAfter} s.`);
    return;
  }
  const refusal = new UnauthenticatedException(result.reason);
  if (result.reason !== 'missing') response.setHeader(WWW_AUTHENTICATE, 'Bearer realm="dino-wallet", error="invalid_token"');
  sendProblem(response, buildProblem(refusal.code, refusal.detail));
}
