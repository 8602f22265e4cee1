import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailableError } from './database-errors';
import { DomainException, RateLimitedException, ServiceUnavailableException } from './domain.exception';
import { ErrorCode } from './error-code';
import { buildProblem, PROBLEM_CONTENT_TYPE, ProblemBody } from './problem';

/**
 * The one place where failures become HTTP responses: every error body is an RFC 9457 problem
 * with a contract code. Unknown errors become a generic 500; their detail goes to the log only.
 */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const problem = this.toProblem(exception, request);
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof RateLimitedException) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    sendProblem(response, problem);
  }

  private toProblem(exception: unknown, request: Request): ProblemBody {
    if (exception instanceof DomainException) {
      return buildProblem(exception.code, exception.detail, exception.extensions);
    }
    if (exception instanceof HttpException) {
      return this.fromHttpException(exception, request);
    }
    if (isDatabaseUnavailableError(exception)) {
      this.logger.warn(
        `database unavailable on ${request.method} ${request.path} (request ${String(request.id)}): ${describe(exception)}`,
      );
      const unavailable = new ServiceUnavailableException();
      return buildProblem(unavailable.code, unavailable.detail);
    }
    this.logger.error(
      `unexpected error on ${request.method} ${request.path} (request ${String(request.id)}): ${describe(exception)}`,
      exception instanceof Error ? exception.stack : undefined,
    );
    return buildProblem(ErrorCode.INTERNAL_ERROR, 'An unexpected error occurred. It has been logged.');
  }

  private fromHttpException(exception: HttpException, request: Request): ProblemBody {
    switch (exception.getStatus()) {
      case 404:
        return buildProblem(ErrorCode.NOT_FOUND, `No route matches ${request.method} on this path.`);
      case 413:
        return buildProblem(ErrorCode.PAYLOAD_TOO_LARGE, 'The body is larger than 64 KiB.');
      case 415:
        return buildProblem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the body as application/json.');
      case 503:
        return buildProblem(ErrorCode.SERVICE_UNAVAILABLE, 'The service is unavailable. Retry later.');
      default:
        if (exception.getStatus() < 500) {
          return buildProblem(ErrorCode.VALIDATION_FAILED, 'The request is not valid.');
        }
        this.logger.error(`HTTP ${exception.getStatus()} on ${request.method} ${request.path}: ${exception.message}`);
        return buildProblem(ErrorCode.INTERNAL_ERROR, 'An unexpected error occurred. It has been logged.');
    }
  }
}

/** RFC 6750: a 401 names the scheme the client must use. */
export const WWW_AUTHENTICATE = 'WWW-Authenticate';
export const BEARER_CHALLENGE = 'Bearer realm="dino-wallet"';

/** Writes a problem response (also used by Express-level middleware that runs before Nest). */
export function sendProblem(response: Response, problem: ProblemBody): void {
  if (problem.code === ErrorCode.UNAUTHENTICATED && !response.hasHeader(WWW_AUTHENTICATE)) {
    response.setHeader(WWW_AUTHENTICATE, BEARER_CHALLENGE);
  }
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

function describe(exception: unknown): string {
  if (exception instanceof Error) return `${exception.name}: ${exception.message}`;
  return String(exception);
}
