import type { AmountLike } from './types.js';

/**
 * The digit string the SDK sends for an amount. A number must be a safe integer: beyond 2^53 a
 * JavaScript number has already lost digits, so the SDK refuses it rather than move a different
 * amount. Anything else (zero, a negative, a fraction in a string) is for the service to refuse.
 */
export function toAmountString(amount: AmountLike): string {
  if (typeof amount === 'bigint') return amount.toString();
  if (typeof amount === 'number') {
    if (!Number.isSafeInteger(amount)) {
      throw new RangeError(`amount ${amount} is not a safe integer: pass a bigint or a string of digits`);
    }
    return String(amount);
  }
  return amount;
}
