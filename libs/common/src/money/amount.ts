/**
 * Money is an integer count of an asset's smallest unit, held as `bigint` in TypeScript and in
 * PostgreSQL. Conversion happens once, at the edge; nothing here goes through a float.
 */

/** The most one request may move (10^15). */
export const MAX_AMOUNT = 1_000_000_000_000_000n;
/** The bounds of a PostgreSQL `bigint` balance. */
export const MAX_BALANCE = 9_223_372_036_854_775_807n;
export const MIN_BALANCE = -9_223_372_036_854_775_808n;

const DIGITS = /^(0|[1-9][0-9]*)$/;

export type AmountInput = number | string;

/** Why an amount input is refused, or undefined when it is acceptable. */
export function amountProblem(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      return 'must be a whole number from 1 to 1000000000000000 (no fraction or exponent), or a string of digits';
    if (value <= 0) return 'must be greater than zero';
    if (BigInt(value) > MAX_AMOUNT) return 'must be at most 1000000000000000';
    return undefined;
  }
  if (typeof value === 'string') {
    if (!DIGITS.test(value)) return 'must be a string of digits without sign, spaces or leading zeros';
    if (value.length > 16 || BigInt(value) > MAX_AMOUNT) return 'must be at most 1000000000000000';
    if (value === '0') return 'must be greater than zero';
    return undefined;
  }
  return 'must be a positive integer or a string of digits';
}

/** Converts a validated amount input to bigint. Throws on input {@link amountProblem} refuses. */
export function toAmount(value: AmountInput): bigint {
  const problem = amountProblem(value);
  if (problem) throw new RangeError(`amount ${problem}`);
  return BigInt(value);
}

/** Parses a PostgreSQL bigint (node-postgres returns it as a string). */
export function fromDbBigint(value: string | number | bigint): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}
