import request from 'supertest';

/**
 * Credentials for tests. Every service a test starts (startTestApp, spawnService) gets
 * `API_MASTER_KEY = TEST_MASTER_KEY` unless the test sets its own, and the test clients
 * (WalletClient, postJson/getJson) send it unless told otherwise, so a test that is not about
 * access control needs no credential code. Tests of scopes make keys of their own.
 */
export const TEST_MASTER_KEY = 'dino-test-master-key-0123456789abcdefghijklmnop';

/**
 * Limits every started service gets unless the test sets its own: on (the limiter runs on every
 * request) but high enough that load tests and the many refusals the access tests make never
 * meet them; the rate-limit tests set small ones.
 */
export const TEST_LIMITS = { RATE_LIMIT_PER_SECOND: '1000000', AUTH_FAILURES_PER_MINUTE: '1000000' } as const;

/** The `Authorization` header value for a secret (the master key by default). */
export function bearer(secret: string = TEST_MASTER_KEY): string {
  return `Bearer ${secret}`;
}

/** Headers that carry the credential, for fetch. */
export function authHeaders(secret: string = TEST_MASTER_KEY): Record<string, string> {
  return { authorization: bearer(secret) };
}

/** supertest for a base URL, every request carrying the credential (the master key by default). */
export function authedRequest(url: string, secret: string = TEST_MASTER_KEY) {
  return request.agent(url).set('Authorization', bearer(secret));
}
