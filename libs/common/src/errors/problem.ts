import { describeError, ErrorCode, problemType } from './error-code';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** RFC 9457 problem details as this service writes them. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Builds the problem body for a code. Extensions (such as `balance` for INSUFFICIENT_FUNDS) come
 * after the standard members; the key order is fixed so that stored outcomes replay byte for byte.
 */
export function buildProblem(code: ErrorCode, detail: string, extensions: Readonly<Record<string, unknown>> = {}): ProblemBody {
  const { status, title } = describeError(code);
  return { type: problemType(code), title, status, detail, code, ...extensions };
}
