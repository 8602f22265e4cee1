/** Machine-readable error codes of the public contract (API.md); clients switch on these. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  ASSET_NOT_FOUND = 'ASSET_NOT_FOUND',
  NOT_FOUND = 'NOT_FOUND',
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  IDEMPOTENCY_KEY_IN_PROGRESS = 'IDEMPOTENCY_KEY_IN_PROGRESS',
  INSUFFICIENT_FUNDS = 'INSUFFICIENT_FUNDS',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  SAME_ACCOUNT_TRANSFER = 'SAME_ACCOUNT_TRANSFER',
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  RATE_LIMITED = 'RATE_LIMITED',
  REFUND_EXCEEDS_ORIGINAL = 'REFUND_EXCEEDS_ORIGINAL',
  NOT_REFUNDABLE = 'NOT_REFUNDABLE',
  DAILY_LIMIT_EXCEEDED = 'DAILY_LIMIT_EXCEEDED',
  HOLD_NOT_ACTIVE = 'HOLD_NOT_ACTIVE',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

export interface ErrorDescriptor {
  readonly status: number;
  readonly title: string;
}

/**
 * Status and title of every code. The switch is exhaustive: a new code that nobody maps does not
 * compile.
 */
export function describeError(code: ErrorCode): ErrorDescriptor {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
      return { status: 400, title: 'The request is not valid' };
    case ErrorCode.USER_NOT_FOUND:
      return { status: 404, title: 'User not found' };
    case ErrorCode.ASSET_NOT_FOUND:
      return { status: 404, title: 'Asset not found' };
    case ErrorCode.NOT_FOUND:
      return { status: 404, title: 'Not found' };
    case ErrorCode.USERNAME_TAKEN:
      return { status: 409, title: 'Username already taken' };
    case ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS:
      return { status: 409, title: 'A request with this idempotency key is in progress' };
    case ErrorCode.INSUFFICIENT_FUNDS:
      return { status: 422, title: 'Insufficient funds' };
    case ErrorCode.IDEMPOTENCY_KEY_REUSED:
      return { status: 422, title: 'Idempotency key reused with a different request' };
    case ErrorCode.SAME_ACCOUNT_TRANSFER:
      return { status: 422, title: 'Sender and receiver are the same user' };
    case ErrorCode.LIMIT_EXCEEDED:
      return { status: 422, title: 'Limit exceeded' };
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return { status: 415, title: 'Unsupported media type' };
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return { status: 413, title: 'Payload too large' };
    case ErrorCode.UNAUTHENTICATED:
      return { status: 401, title: 'Authentication required' };
    case ErrorCode.FORBIDDEN:
      return { status: 403, title: 'The credential lacks the scope this operation needs' };
    case ErrorCode.RATE_LIMITED:
      return { status: 429, title: 'Too many requests' };
    case ErrorCode.REFUND_EXCEEDS_ORIGINAL:
      return { status: 422, title: 'The refund exceeds what is left to refund' };
    case ErrorCode.NOT_REFUNDABLE:
      return { status: 422, title: 'The transaction cannot be refunded' };
    case ErrorCode.DAILY_LIMIT_EXCEEDED:
      return { status: 422, title: 'Daily transfer limit exceeded' };
    case ErrorCode.HOLD_NOT_ACTIVE:
      return { status: 409, title: 'The hold is no longer active' };
    case ErrorCode.SERVICE_UNAVAILABLE:
      return { status: 503, title: 'Service unavailable' };
    case ErrorCode.INTERNAL_ERROR:
      return { status: 500, title: 'Internal error' };
  }
}

/** The `type` URI of a problem: stable, one per code. */
export function problemType(code: ErrorCode): string {
  return `https://dino-wallet.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}
