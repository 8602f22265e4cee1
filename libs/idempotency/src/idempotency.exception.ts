import { DomainException, ErrorCode } from '@app/common';

export class IdempotencyKeyReusedException extends DomainException {
  constructor() {
    super(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      'This idempotency key was already used for a different request. Use a new key for a new request.',
    );
  }
}

export class IdempotencyKeyInProgressException extends DomainException {
  constructor() {
    super(
      ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
      'A request with this idempotency key is still being processed. Retry shortly with the same key.',
    );
  }
}
