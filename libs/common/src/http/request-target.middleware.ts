import type { NextFunction, Request, Response } from 'express';
import { safeName } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { buildProblem, FieldError } from '../errors/problem';
import { sendProblem } from '../errors/problem-exception.filter';
import { isStorableText } from './json-body.middleware';

/**
 * Holds the request target (path and query string) to the rule bodies follow: text must be
 * well-formed and free of U+0000. A percent-escape that is not UTF-8 (`%FF`, `%C0%80`, a lone
 * surrogate `%ED%A0%80`, a truncated `%E2%82`) or that decodes to NUL is a 400 VALIDATION_FAILED
 * naming the parameter (or `path`), before routing: PostgreSQL cannot store or compare NUL (a
 * 500 once), Node's query parser would silently turn bad bytes into U+FFFD, and Express would
 * answer a bad path escape with its own error page and a stack trace in the log.
 */
export function requestTargetMiddleware(request: Request, response: Response, next: NextFunction): void {
  const url = request.url;
  // Raw control characters never get past Node's HTTP parser; only escapes need a look.
  if (!url.includes('%')) {
    next();
    return;
  }
  const problem = inspectRequestTarget(url);
  if (problem) {
    sendProblem(
      response,
      buildProblem(ErrorCode.VALIDATION_FAILED, `${problem.field}: ${problem.message}.`, { errors: [problem] }),
    );
    return;
  }
  next();
}

/** The first ill-formed part of a request target (`/path?query`), if any. */
export function inspectRequestTarget(url: string): FieldError | undefined {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  for (const segment of path.split('/')) {
    if (!isWellFormed(segment)) return { field: 'path', message: 'must be well-formed UTF-8 without NUL characters' };
  }
  if (queryStart === -1) return undefined;
  for (const pair of url.slice(queryStart + 1).split('&')) {
    const equals = pair.indexOf('=');
    const name = equals === -1 ? pair : pair.slice(0, equals);
    const value = equals === -1 ? '' : pair.slice(equals + 1);
    if (!isWellFormed(name))
      return { field: 'query', message: 'parameter names must be well-formed UTF-8 without NUL characters' };
    if (!isWellFormed(value))
      return { field: safeName(decode(name) ?? 'query'), message: 'must be well-formed UTF-8 without NUL characters' };
  }
  return undefined;
}

function isWellFormed(component: string): boolean {
  if (!component.includes('%')) return true;
  const decoded = decode(component);
  return decoded !== undefined && isStorableText(decoded);
}

/** decodeURIComponent refuses escapes that are not UTF-8 (overlong forms and surrogates included). */
function decode(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
