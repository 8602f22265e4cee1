import type { Response } from 'supertest';

export const PROBLEM_CONTENT_TYPE = /^application\/problem\+json/;

/** The members a problem body may have besides a rejection's documented extensions (API.md). */
const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'errors']);
/** The extension members a code's problem carries (the contract's error table). */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  INSUFFICIENT_FUNDS: ['assetCode', 'balance', 'required'],
  LIMIT_EXCEEDED: ['assetCode'],
  FORBIDDEN: ['requiredScope'],
  REFUND_EXCEEDS_ORIGINAL: ['refundable'],
  DAILY_LIMIT_EXCEEDED: ['assetCode', 'limit', 'remaining'],
  HOLD_NOT_ACTIVE: ['holdStatus'],
};

/**
 * Text that must never reach a client: SQL, driver and ORM names, schema names, file paths and
 * stack frames. A bare "at " is not on the list because the contract's own messages say "at most";
 * stack frames are matched by their shape instead ("at fn (file:line:col)" or "at file:line:col").
 */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /\bSELECT\b/,
  /\bINSERT\b/,
  /\bUPDATE\s+\w+\s+SET\b/i,
  /\bDELETE\s+FROM\b/i,
  /\bDROP\s+TABLE\b/i,
  /QueryFailedError/,
  /\b(Type|Range|Syntax|Reference)Error\b/,
  /typeorm/i,
  /node_modules/,
  /\.[jt]s:\d+/,
  /\bat\s+\S+\s+\(/,
  /\n\s*at\s/,
  /\bpg_/,
  /journal_entries|journal_transactions|idempotency_keys/,
  /violates|constraint|duplicate key|syntax error|invalid byte sequence/i,
  /ECONNREFUSED|ETIMEDOUT/,
];

/** Hostile input that must never be echoed back (markup, SQL, control characters). */
export const NEVER_ECHOED: readonly string[] = ["' OR '1'='1", 'DROP TABLE', '<script', '\u0000', '\u0001', '\\u0000', '\\u0001'];

/**
 * Asserts an RFC 9457 problem response with the contract's status and code, and that it leaks
 * nothing: no stack, no SQL, no internal names, no echo of hostile input, no undocumented members.
 */
export function expectProblem(res: Response, status: number, code: string, field?: string): void {
  const context = `${res.status} ${res.text.slice(0, 300)}`;
  expect({ status: res.status, code: (res.body as { code?: unknown })?.code, context }).toEqual({ status, code, context });
  expect(res.headers['content-type']).toMatch(PROBLEM_CONTENT_TYPE);
  expect(res.headers['x-request-id']).toEqual(expect.any(String));
  const body = res.body as Record<string, unknown>;
  expect(body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^https?:\/\/\S+$/),
      title: expect.stringMatching(/\S/),
      status,
      detail: expect.stringMatching(/\S/),
      code,
    }),
  );
  const extensions = EXTENSIONS[code] ?? [];
  expect(
    Object.keys(body)
      .filter((k) => !PROBLEM_MEMBERS.has(k))
      .sort(),
  ).toEqual([...extensions].sort());
  if (code === 'VALIDATION_FAILED') {
    expect(body.errors).toEqual(expect.arrayContaining([{ field: expect.any(String), message: expect.stringMatching(/\S/) }]));
    if (field !== undefined) {
      expect((body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
    }
  } else {
    expect(body.errors).toBeUndefined();
  }
  expectNoLeak(res);
}

export function expectNoLeak(res: Response): void {
  const leaks = LEAK_PATTERNS.filter((p) => p.test(res.text)).map(String);
  const echoes = NEVER_ECHOED.filter((s) => res.text.includes(s));
  expect({ leaks, echoes, body: res.text.slice(0, 300) }).toEqual({ leaks: [], echoes: [], body: res.text.slice(0, 300) });
  expect(res.text).not.toMatch(/"stack"\s*:/);
}

/** Asserts that `replay` is the stored outcome of `first` repeated: same status, same body, `Idempotent-Replayed: true`. */
export function expectReplayOf(replay: Response, first: Response): void {
  expect({ status: replay.status, replayed: replay.headers['idempotent-replayed'], text: replay.text }).toEqual({
    status: first.status,
    replayed: 'true',
    text: first.text,
  });
}
