import { ValidationFailedException } from '@app/common';

/** 1–255 visible ASCII characters (RFC 5234 VCHAR): no spaces, no control characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

const KEY_RULE = 'must be 1 to 255 visible ASCII characters';

/**
 * Picks the request's idempotency key from the `Idempotency-Key` header or the body's
 * `idempotencyKey`. One is required; when both are given they must be equal.
 */
export function resolveIdempotencyKey(header: string | string[] | undefined, bodyKey: string | undefined): string {
  if (Array.isArray(header)) {
    throw new ValidationFailedException([{ field: IDEMPOTENCY_KEY_HEADER, message: 'must be sent once' }]);
  }
  if (header !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new ValidationFailedException([{ field: IDEMPOTENCY_KEY_HEADER, message: KEY_RULE }]);
  }
  if (bodyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(bodyKey)) {
    throw new ValidationFailedException([{ field: 'idempotencyKey', message: KEY_RULE }]);
  }
  if (header !== undefined && bodyKey !== undefined && header !== bodyKey) {
    throw new ValidationFailedException([
      { field: 'idempotencyKey', message: `must equal the ${IDEMPOTENCY_KEY_HEADER} header when both are given` },
    ]);
  }
  const key = header ?? bodyKey;
  if (key === undefined) {
    throw new ValidationFailedException([
      { field: IDEMPOTENCY_KEY_HEADER, message: `is required (or the body field idempotencyKey)` },
    ]);
  }
  return key;
}
