import { buildProblem, ErrorCode, isDatabaseUnavailableError, sendProblem, WWW_AUTHENTICATE } from '@app/common';
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
 */
export function authenticationMiddleware(authenticator: Authenticator, logger: Pino) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!PROTECTED.test(request.path)) {
      next();
      return;
    }
    const settle = (result: AuthenticationResult): void => {
      if (result.ok) {
        request.credential = result.credential;
        next();
        return;
      }
      const refusal = new UnauthenticatedException(result.reason);
      if (result.reason !== 'missing') response.setHeader(WWW_AUTHENTICATE, 'Bearer realm="dino-wallet", error="invalid_token"');
      sendProblem(response, buildProblem(refusal.code, refusal.detail));
    };
    const result = authenticator.authenticate(request.headers.authorization);
    if (!(result instanceof Promise)) {
      settle(result);
      return;
    }
    result.then(settle, (error: unknown) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (isDatabaseUnavailableError(error)) logger.warn({ requestId: request.id }, `credential look-up failed: ${message}`);
      else logger.error({ requestId: request.id }, `credential look-up failed: ${message}`);
      sendProblem(response, buildProblem(ErrorCode.SERVICE_UNAVAILABLE, 'The service cannot check credentials right now. Retry later.'));
    });
  };
}
