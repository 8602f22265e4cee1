import { ErrorCode } from './error-code';
import { FieldError } from './problem';

/**
 * A failure the client can act on, named by a contract code. It carries no HTTP knowledge: the
 * global problem filter maps the code to a status.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class ValidationFailedException extends DomainException {
  constructor(
    readonly errors: readonly FieldError[],
    detail = describeFieldErrors(errors),
  ) {
    super(ErrorCode.VALIDATION_FAILED, detail, { errors });
  }
}

export class UserNotFoundException extends DomainException {
  constructor(userId: string) {
    // Only a well-formed id is echoed: arbitrary input (SQL, markup) never comes back in a body.
    super(ErrorCode.USER_NOT_FOUND, UUID.test(userId) ? `No user has the id ${userId}.` : 'No user has this id.');
  }
}

export class AssetNotFoundException extends DomainException {
  constructor(assetCode: string) {
    super(
      ErrorCode.ASSET_NOT_FOUND,
      ASSET_CODE.test(assetCode) ? `No asset has the code ${assetCode}.` : 'No asset has this code.',
    );
  }
}

export class ResourceNotFoundException extends DomainException {
  constructor(detail: string) {
    super(ErrorCode.NOT_FOUND, detail);
  }
}

export class ServiceUnavailableException extends DomainException {
  constructor(detail = 'The service cannot reach its database right now. Retry later with the same idempotency key.') {
    super(ErrorCode.SERVICE_UNAVAILABLE, detail);
  }
}

/**
 * Too many requests of a kind: retry after `retryAfterSeconds` (whole seconds, at least 1), which
 * the problem filter sends as `Retry-After`.
 */
export class RateLimitedException extends DomainException {
  readonly retryAfterSeconds: number;

  constructor(detail: string, retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, detail);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

function describeFieldErrors(errors: readonly FieldError[]): string {
  if (errors.length === 0) return 'The request is not valid.';
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return `${first.field}: ${first.message}${more}.`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ASSET_CODE = /^[A-Z][A-Z0-9_]{1,15}$/;

/**
 * Makes a client-supplied name (an unknown field, say) safe to echo: short, and only characters
 * that cannot carry markup or SQL.
 */
export function safeName(value: string, max = 64): string {
  const cleaned = value.replace(/[^A-Za-z0-9_.\-[\]]/g, '?');
  return cleaned.length > max ? `${cleaned.slice(0, max)}…` : cleaned;
}
