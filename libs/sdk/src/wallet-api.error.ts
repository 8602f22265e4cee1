import type { ErrorCode, Problem } from './types.js';

/** INSUFFICIENT_FUNDS also says what the user holds and what was asked for, as digit strings. */
export type InsufficientFundsProblem = Problem & {
  readonly code: 'INSUFFICIENT_FUNDS';
  readonly assetCode: string;
  readonly balance: string;
  readonly required: string;
};

/** The problem body of an error with this code. */
export type ProblemOf<C extends ErrorCode> = C extends 'INSUFFICIENT_FUNDS'
  ? InsufficientFundsProblem
  : Problem & { readonly code: C };

/** What the SDK knows about the exchange that failed, besides the problem. */
export interface ErrorContext {
  readonly status: number;
  /** The response's `X-Request-Id`: quote it when you report a problem. */
  readonly requestId: string | null;
  /** True when the error is the stored outcome of an earlier write with the same key. */
  readonly replayed: boolean;
  /** The idempotency key of the write that failed, to retry it with; null for reads. */
  readonly idempotencyKey: string | null;
}

/**
 * An error response of the API: an RFC 9457 problem with one of the contract's codes. Narrow it
 * with {@link WalletApiError.is} (or {@link isWalletApiError}) to get the problem of that code,
 * e.g. `balance` and `required` for INSUFFICIENT_FUNDS.
 */
export class WalletApiError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = 'WalletApiError';
  readonly code: C;
  readonly status: number;
  readonly requestId: string | null;
  readonly replayed: boolean;
  readonly idempotencyKey: string | null;

  constructor(
    readonly problem: ProblemOf<C>,
    context: ErrorContext,
  ) {
    super(`${problem.code}: ${problem.detail}`);
    this.code = problem.code as C;
    this.status = context.status;
    this.requestId = context.requestId;
    this.replayed = context.replayed;
    this.idempotencyKey = context.idempotencyKey;
  }

  /** Narrows the error to one code (or one of several). */
  is<K extends ErrorCode>(...codes: K[]): this is WalletApiError<K> {
    return (codes as readonly ErrorCode[]).includes(this.code);
  }
}

/**
 * A WalletApiError of any one code, as a union discriminated by `code`: after
 * `isWalletApiError(error)`, a `switch (error.code)` narrows `error.problem` in each branch.
 */
export type AnyWalletApiError<K extends ErrorCode = ErrorCode> = { [C in K]: WalletApiError<C> }[K];

/** True when `error` is a WalletApiError, with one of `codes` when any are given. */
export function isWalletApiError<K extends ErrorCode = ErrorCode>(error: unknown, ...codes: K[]): error is AnyWalletApiError<K> {
  return error instanceof WalletApiError && (codes.length === 0 || error.is(...codes));
}

/**
 * A response the contract does not describe: an error without a problem body (from a proxy, say)
 * or a success without the expected body.
 */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError';

  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly requestId: string | null,
  ) {
    super(`unexpected response: HTTP ${status}`);
  }
}
