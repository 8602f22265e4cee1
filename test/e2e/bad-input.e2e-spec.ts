import { randomBytes, randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { ledgerSnapshot, ledgerViolations } from '../support/ledger-invariants';
import { expectProblem } from '../support/problem-assertions';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The bad-input table: malformed and hostile requests against every endpoint. Each row must get the
 * status and code API.md documents, as an RFC 9457 problem that leaks nothing, and must leave the
 * ledger exactly as it was (balances, journals, entries, idempotency records and users, compared
 * through raw SQL before and after the row).
 */

/** What the rows need from the database they run on. */
interface Ctx {
  readonly alice: string;
  readonly bob: string;
  /** `nextCursor` of alice's unfiltered history, of her GOLD-only history, and of bob's history. */
  readonly aliceCursor: string;
  readonly aliceGoldCursor: string;
  readonly bobCursor: string;
  /** One of alice's GOLD top-ups (refundable), and an active hold of 50 GOLD of hers (a week long). */
  readonly topupId: string;
  readonly holdId: string;
}

interface Row {
  readonly name: string;
  readonly status: number;
  readonly code: string;
  /** For VALIDATION_FAILED: a field that `errors` must name. */
  readonly field?: string;
  readonly send: (c: Ctx) => Test;
}

let t: TestApp;
const api = () => t.client.http();
const key = () => `bad-${randomUUID()}`;

type Body = Record<string, unknown>;
const topup = (c: Ctx, patch: Body = {}): Body => ({ userId: c.alice, assetCode: 'GOLD', amount: 10, ...patch });
const transfer = (c: Ctx, patch: Body = {}): Body => ({
  fromUserId: c.alice,
  toUserId: c.bob,
  assetCode: 'GOLD',
  amount: 10,
  ...patch,
});
const historyPath = (userId: string) => `/v1/users/${userId}/transactions`;
const without = (body: Body, field: string): Body => Object.fromEntries(Object.entries(body).filter(([k]) => k !== field));

/** A JSON write with a fresh key in the Idempotency-Key header (unless `idempotencyKey` is null). */
function post(path: string, body: unknown, idempotencyKey: string | null = key()): Test {
  const req = api().post(path);
  if (idempotencyKey !== null) req.set('Idempotency-Key', idempotencyKey);
  return req.send(body as object);
}

/** A write whose body is sent exactly as given (number lexemes JSON.parse would rewrite, broken JSON). */
function postRaw(path: string, raw: string | Buffer, contentType: string | null = 'application/json'): Test {
  const req = api().post(path).set('Idempotency-Key', key());
  if (contentType !== null) req.set('Content-Type', contentType);
  return req.send(raw);
}
const rawTopup = (c: Ctx, amountLexeme: string) => `{"userId":"${c.alice}","assetCode":"GOLD","amount":${amountLexeme}}`;

const bad = (name: string, field: string | undefined, send: (c: Ctx) => Test): Row => ({
  name,
  status: 400,
  code: 'VALIDATION_FAILED',
  field,
  send,
});
const notFound = (name: string, code: string, send: (c: Ctx) => Test): Row => ({ name, status: 404, code, send });

const WRITES = ['/v1/topup', '/v1/spend', '/v1/bonus'] as const;
const SQL_INJECTION = "1' OR '1'='1";
const UNKNOWN_USER = '00000000-0000-4000-8000-000000000000';
const KIB_100 = 'x'.repeat(100 * 1024);
const THIRTY_DIGITS = '123456789012345678901234567890';

const amountRows: Row[] = [
  bad('topup amount 0', 'amount', (c) => post('/v1/topup', topup(c, { amount: 0 }))),
  bad('spend amount 0', 'amount', (c) => post('/v1/spend', topup(c, { amount: 0 }))),
  bad('transfer amount 0', 'amount', (c) => post('/v1/transfers', transfer(c, { amount: 0 }))),
  bad('topup amount -5', 'amount', (c) => post('/v1/topup', topup(c, { amount: -5 }))),
  bad('bonus amount -1', 'amount', (c) => post('/v1/bonus', topup(c, { amount: -1 }))),
  bad('topup amount 1.5', 'amount', (c) => post('/v1/topup', topup(c, { amount: 1.5 }))),
  bad('spend amount 1.5', 'amount', (c) => post('/v1/spend', topup(c, { amount: 1.5 }))),
  // JSON.parse would turn these lexemes into integers; the contract accepts only integer lexemes.
  bad('topup amount lexeme 1e3', 'amount', (c) => postRaw('/v1/topup', rawTopup(c, '1e3'))),
  bad('topup amount lexeme 1E2', 'amount', (c) => postRaw('/v1/topup', rawTopup(c, '1E2'))),
  bad('topup amount lexeme 100.0', 'amount', (c) => postRaw('/v1/topup', rawTopup(c, '100.0'))),
  bad('topup amount lexeme 1e+2', 'amount', (c) => postRaw('/v1/topup', rawTopup(c, '1e+2'))),
  bad('topup amount lexeme -0', 'amount', (c) => postRaw('/v1/topup', rawTopup(c, '-0'))),
  bad('transfer amount lexeme 1e3', 'amount', (c) =>
    postRaw('/v1/transfers', `{"fromUserId":"${c.alice}","toUserId":"${c.bob}","assetCode":"GOLD","amount":1e3}`),
  ),
  bad('topup amount ""', 'amount', (c) => post('/v1/topup', topup(c, { amount: '' }))),
  bad('topup amount null', 'amount', (c) => post('/v1/topup', topup(c, { amount: null }))),
  bad('topup amount 10^15+1 as number', 'amount', (c) => post('/v1/topup', topup(c, { amount: 1_000_000_000_000_001 }))),
  bad('topup amount 10^15+1 as string', 'amount', (c) => post('/v1/topup', topup(c, { amount: '1000000000000001' }))),
  bad('spend amount 10^15+1 as string', 'amount', (c) => post('/v1/spend', topup(c, { amount: '1000000000000001' }))),
  bad('topup amount 30 digits as number', 'amount', (c) => postRaw('/v1/topup', rawTopup(c, THIRTY_DIGITS))),
  bad('topup amount 30 digits as string', 'amount', (c) => post('/v1/topup', topup(c, { amount: THIRTY_DIGITS }))),
  bad('transfer amount 30 digits as string', 'amount', (c) => post('/v1/transfers', transfer(c, { amount: THIRTY_DIGITS }))),
  bad('topup amount 2^53+1 lexeme', 'amount', (c) => postRaw('/v1/topup', rawTopup(c, '9007199254740993'))),
  bad('topup amount "0"', 'amount', (c) => post('/v1/topup', topup(c, { amount: '0' }))),
  bad('topup amount "-5"', 'amount', (c) => post('/v1/topup', topup(c, { amount: '-5' }))),
  bad('topup amount "1.5"', 'amount', (c) => post('/v1/topup', topup(c, { amount: '1.5' }))),
  bad('bonus amount "1E2"', 'amount', (c) => post('/v1/bonus', topup(c, { amount: '1E2' }))),
  bad('topup amount " 100"', 'amount', (c) => post('/v1/topup', topup(c, { amount: ' 100' }))),
  bad('topup amount "0100"', 'amount', (c) => post('/v1/topup', topup(c, { amount: '0100' }))),
  bad('topup amount "0x10"', 'amount', (c) => post('/v1/topup', topup(c, { amount: '0x10' }))),
  bad('topup amount "+5"', 'amount', (c) => post('/v1/topup', topup(c, { amount: '+5' }))),
  bad('topup amount true', 'amount', (c) => post('/v1/topup', topup(c, { amount: true }))),
  bad('topup amount [100]', 'amount', (c) => post('/v1/topup', topup(c, { amount: [100] }))),
  bad('topup amount {}', 'amount', (c) => post('/v1/topup', topup(c, { amount: {} }))),
];

const shapeRows: Row[] = [
  ...WRITES.map((path) => bad(`${path} without amount`, 'amount', (c) => post(path, without(topup(c), 'amount')))),
  bad('topup without assetCode', 'assetCode', (c) => post('/v1/topup', without(topup(c), 'assetCode'))),
  bad('topup without userId', 'userId', (c) => post('/v1/topup', without(topup(c), 'userId'))),
  bad('transfer without toUserId', 'toUserId', (c) => post('/v1/transfers', without(transfer(c), 'toUserId'))),
  bad('transfer without fromUserId', 'fromUserId', (c) => post('/v1/transfers', without(transfer(c), 'fromUserId'))),
  bad('topup with an empty object', 'amount', () => post('/v1/topup', {})),
  bad('topup userId 123', 'userId', (c) => post('/v1/topup', topup(c, { userId: 123 }))),
  bad('topup userId null', 'userId', (c) => post('/v1/topup', topup(c, { userId: null }))),
  bad('transfer toUserId ["x"]', 'toUserId', (c) => post('/v1/transfers', transfer(c, { toUserId: [c.bob] }))),
  bad('topup assetCode 1', 'assetCode', (c) => post('/v1/topup', topup(c, { assetCode: 1 }))),
  bad('topup assetCode null', 'assetCode', (c) => post('/v1/topup', topup(c, { assetCode: null }))),
  bad('topup description 42', 'description', (c) => post('/v1/topup', topup(c, { description: 42 }))),
  bad('topup unknown field admin', 'admin', (c) => post('/v1/topup', topup(c, { admin: true }))),
  bad('transfer with userId instead of fromUserId', 'userId', (c) =>
    post('/v1/transfers', { userId: c.alice, toUserId: c.bob, assetCode: 'GOLD', amount: 10 }),
  ),
  bad('spend with a toUserId', 'toUserId', (c) => post('/v1/spend', topup(c, { toUserId: c.bob }))),
  bad('topup idempotencyKey 123 in the body', 'idempotencyKey', (c) =>
    post('/v1/topup', topup(c, { idempotencyKey: 123 }), null),
  ),
];

const assetRows: Row[] = [
  notFound('topup unknown asset SILVER', 'ASSET_NOT_FOUND', (c) => post('/v1/topup', topup(c, { assetCode: 'SILVER' }))),
  notFound('spend unknown asset SILVER', 'ASSET_NOT_FOUND', (c) => post('/v1/spend', topup(c, { assetCode: 'SILVER' }))),
  notFound('transfer unknown asset SILVER', 'ASSET_NOT_FOUND', (c) =>
    post('/v1/transfers', transfer(c, { assetCode: 'SILVER' })),
  ),
  bad('topup lowercase asset gold', 'assetCode', (c) => post('/v1/topup', topup(c, { assetCode: 'gold' }))),
  bad('bonus lowercase asset gold', 'assetCode', (c) => post('/v1/bonus', topup(c, { assetCode: 'gold' }))),
  bad('topup asset ""', 'assetCode', (c) => post('/v1/topup', topup(c, { assetCode: '' }))),
  bad('topup asset "G" (too short)', 'assetCode', (c) => post('/v1/topup', topup(c, { assetCode: 'G' }))),
  bad('topup asset "GOLD " (trailing space)', 'assetCode', (c) => post('/v1/topup', topup(c, { assetCode: 'GOLD ' }))),
  bad('topup asset of 17 characters', 'assetCode', (c) => post('/v1/topup', topup(c, { assetCode: 'GOLDGOLDGOLDGOLDG' }))),
  bad('topup asset with SQL', 'assetCode', (c) => post('/v1/topup', topup(c, { assetCode: "GOLD'; DROP TABLE assets;--" }))),
];

// "An id that names no resource, whatever its shape, gets the resource's 404" (API.md). The empty
// string is taken as one more shape of id, not as a missing field: a client gets one rule for every
// string it puts in an id field (404 USER_NOT_FOUND), and the service reveals nothing about the id
// format. A missing field or a non-string is still a 400 (rows above).
const userIdRows: Row[] = [
  notFound('topup unknown user id', 'USER_NOT_FOUND', (c) => post('/v1/topup', topup(c, { userId: UNKNOWN_USER }))),
  notFound('spend unknown user id', 'USER_NOT_FOUND', (c) => post('/v1/spend', topup(c, { userId: UNKNOWN_USER }))),
  notFound('bonus malformed user id', 'USER_NOT_FOUND', (c) => post('/v1/bonus', topup(c, { userId: 'nope' }))),
  notFound('topup SQL-injection user id', 'USER_NOT_FOUND', (c) => post('/v1/topup', topup(c, { userId: SQL_INJECTION }))),
  notFound('topup DROP TABLE user id', 'USER_NOT_FOUND', (c) =>
    post('/v1/topup', topup(c, { userId: "'; DROP TABLE users; --" })),
  ),
  notFound('topup empty-string user id', 'USER_NOT_FOUND', (c) => post('/v1/topup', topup(c, { userId: '' }))),
  notFound('topup user id with a trailing newline', 'USER_NOT_FOUND', (c) =>
    post('/v1/topup', topup(c, { userId: `${c.alice}\n` })),
  ),
  notFound('topup 10 000-character user id', 'USER_NOT_FOUND', (c) =>
    post('/v1/topup', topup(c, { userId: 'a'.repeat(10_000) })),
  ),
  notFound('transfer to an unknown user', 'USER_NOT_FOUND', (c) =>
    post('/v1/transfers', transfer(c, { toUserId: UNKNOWN_USER })),
  ),
  notFound('transfer from an unknown user', 'USER_NOT_FOUND', (c) =>
    post('/v1/transfers', transfer(c, { fromUserId: UNKNOWN_USER })),
  ),
  notFound('transfer to a SQL-injection user id', 'USER_NOT_FOUND', (c) =>
    post('/v1/transfers', transfer(c, { toUserId: SQL_INJECTION })),
  ),
  notFound('transfer from an unknown user to itself', 'USER_NOT_FOUND', (c) =>
    post('/v1/transfers', transfer(c, { fromUserId: UNKNOWN_USER, toUserId: UNKNOWN_USER })),
  ),
];

const keyRows: Row[] = [
  bad('Idempotency-Key of 256 characters', 'Idempotency-Key', (c) => post('/v1/topup', topup(c), 'k'.repeat(256))),
  bad('idempotencyKey of 256 characters in the body', 'idempotencyKey', (c) =>
    post('/v1/topup', topup(c, { idempotencyKey: 'k'.repeat(256) }), null),
  ),
  bad('Idempotency-Key with a Latin-1 letter', 'Idempotency-Key', (c) => post('/v1/topup', topup(c), 'clé-1')),
  bad('Idempotency-Key with a tab', 'Idempotency-Key', (c) => post('/v1/topup', topup(c), 'a\tb')),
  bad('Idempotency-Key empty', 'Idempotency-Key', (c) => post('/v1/topup', topup(c), '')),
  bad('Idempotency-Key sent twice', 'Idempotency-Key', (c) =>
    api()
      .post('/v1/topup')
      .set('Idempotency-Key', ['k-1', 'k-2'] as unknown as string)
      .send(topup(c)),
  ),
  bad('idempotencyKey non-ASCII in the body', 'idempotencyKey', (c) =>
    post('/v1/topup', topup(c, { idempotencyKey: 'ключ-1' }), null),
  ),
  bad('idempotencyKey emoji in the body', 'idempotencyKey', (c) =>
    post('/v1/topup', topup(c, { idempotencyKey: 'key-🦕' }), null),
  ),
  bad('idempotencyKey with a control character', 'idempotencyKey', (c) =>
    post('/v1/topup', topup(c, { idempotencyKey: 'a\u0001b' }), null),
  ),
  bad('idempotencyKey with a NUL', 'idempotencyKey', (c) => post('/v1/topup', topup(c, { idempotencyKey: 'a\u0000b' }), null)),
  bad('idempotencyKey with a newline', 'idempotencyKey', (c) => post('/v1/topup', topup(c, { idempotencyKey: 'a\nb' }), null)),
  bad('idempotencyKey with a space', 'idempotencyKey', (c) => post('/v1/topup', topup(c, { idempotencyKey: 'a b' }), null)),
  bad('idempotencyKey empty in the body', 'idempotencyKey', (c) => post('/v1/topup', topup(c, { idempotencyKey: '' }), null)),
  bad('header and body keys differ', 'idempotencyKey', (c) =>
    post('/v1/topup', topup(c, { idempotencyKey: 'body-key' }), 'header-key'),
  ),
  bad('spend header and body keys differ', 'idempotencyKey', (c) =>
    post('/v1/spend', topup(c, { idempotencyKey: 'k-a' }), 'k-b'),
  ),
  bad('topup without any key', 'Idempotency-Key', (c) => post('/v1/topup', topup(c), null)),
  bad('transfer without any key', 'Idempotency-Key', (c) => post('/v1/transfers', transfer(c), null)),
];

const bodyRows: Row[] = [
  bad('malformed JSON', 'body', (c) => postRaw('/v1/topup', `{"userId": "${c.alice}", "amount": `)),
  bad('JSON with a trailing comma', 'body', (c) => postRaw('/v1/transfers', `{"fromUserId":"${c.alice}",}`)),
  {
    name: 'text/plain body',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    send: (c) => postRaw('/v1/topup', JSON.stringify(topup(c)), 'text/plain'),
  },
  {
    name: 'form-encoded body',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    send: (c) => postRaw('/v1/spend', `userId=${c.alice}&amount=1`, 'application/x-www-form-urlencoded'),
  },
  {
    name: 'body without a content type',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    send: (c) => postRaw('/v1/topup', Buffer.from(JSON.stringify(topup(c))), null),
  },
  {
    name: 'JSON in latin1',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    send: (c) => postRaw('/v1/topup', JSON.stringify(topup(c)), 'application/json; charset=latin1'),
  },
  {
    name: 'gzip-encoded body',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    send: (c) => postRaw('/v1/topup', JSON.stringify(topup(c))).set('Content-Encoding', 'gzip'),
  },
  {
    name: 'topup body of 100 KiB',
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    send: (c) => post('/v1/topup', topup(c, { description: KIB_100 })),
  },
  {
    name: 'transfer body of 100 KiB',
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    send: (c) => post('/v1/transfers', transfer(c, { pad: KIB_100 })),
  },
  bad('array body', 'body', (c) => post('/v1/topup', [topup(c)])),
  bad('body null', 'body', () => postRaw('/v1/topup', 'null')),
  bad('body a string', 'body', () => postRaw('/v1/bonus', '"topup"')),
  bad('body a number', 'body', () => postRaw('/v1/spend', '42')),
  bad('empty body', 'body', () => postRaw('/v1/topup', '')),
  bad('body nested 500 deep', 'a', () => postRaw('/v1/topup', `${'{"a":'.repeat(500)}1${'}'.repeat(500)}`)),
  // Deep enough to overflow a recursive validator (once a RangeError and a 500).
  bad('body nested 5000 deep', undefined, () => postRaw('/v1/topup', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`)),
  bad('create-user body with an array nested 2000 deep', undefined, () =>
    postRaw('/v1/users', `{"username":"deep_one","x":${'['.repeat(2000)}${']'.repeat(2000)}}`),
  ),
];

/** Names every object inherits: a whitelist that looks fields up in a plain object lets them through. */
const INHERITED_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];
/** The body with one more member, written as raw JSON so that `__proto__` arrives as a key. */
const withRawField = (body: Body, name: string, valueJson: string) =>
  `${JSON.stringify(body).slice(0, -1)},"${name}":${valueJson}}`;

const hostileRows: Row[] = [
  // PostgreSQL text and jsonb cannot hold U+0000 (once a failed insert and a 500).
  bad('description with a NUL character', 'description', (c) => post('/v1/topup', topup(c, { description: 'a\u0000b' }))),
  bad('metadata value with a NUL character', 'metadata', (c) => post('/v1/topup', topup(c, { metadata: { note: 'a\u0000b' } }))),
  bad('metadata key with a NUL character', 'metadata', (c) =>
    post('/v1/transfers', transfer(c, { metadata: { 'k\u0000': 'v' } })),
  ),
  ...INHERITED_NAMES.map((name) =>
    bad(`topup with the unknown field ${name}`, undefined, (c) =>
      postRaw('/v1/topup', withRawField(topup(c), name, '{"x":"1"}')),
    ),
  ),
  bad('transfer with the unknown field constructor', undefined, (c) =>
    postRaw('/v1/transfers', withRawField(transfer(c), 'constructor', '"x"')),
  ),
  bad('create user with the unknown field constructor', undefined, () =>
    postRaw('/v1/users', withRawField({ username: `u_${randomUUID().slice(0, 8)}` }, 'constructor', '"x"')),
  ),
  bad('history with the unknown query parameter constructor', undefined, (c) =>
    api().get(`${historyPath(c.alice)}?constructor=x`),
  ),
];

const textRows: Row[] = [
  bad('description of 501 characters', 'description', (c) => post('/v1/topup', topup(c, { description: 'd'.repeat(501) }))),
  bad('transfer description of 501 characters', 'description', (c) =>
    post('/v1/transfers', transfer(c, { description: 'd'.repeat(501) })),
  ),
  bad('metadata with 21 keys', 'metadata', (c) =>
    post('/v1/topup', topup(c, { metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) })),
  ),
  bad('metadata with a nested object', 'metadata', (c) => post('/v1/topup', topup(c, { metadata: { order: { id: '1' } } }))),
  bad('metadata with a number value', 'metadata', (c) => post('/v1/spend', topup(c, { metadata: { n: 1 } }))),
  bad('metadata with a null value', 'metadata', (c) => post('/v1/topup', topup(c, { metadata: { n: null } }))),
  bad('metadata with a boolean value', 'metadata', (c) => post('/v1/bonus', topup(c, { metadata: { b: true } }))),
  bad('metadata with an array value', 'metadata', (c) => post('/v1/topup', topup(c, { metadata: { a: ['x'] } }))),
  bad('metadata key of 65 characters', 'metadata', (c) => post('/v1/topup', topup(c, { metadata: { ['k'.repeat(65)]: 'v' } }))),
  bad('metadata value of 501 characters', 'metadata', (c) =>
    post('/v1/transfers', transfer(c, { metadata: { v: 'v'.repeat(501) } })),
  ),
  bad('metadata empty key', 'metadata', (c) => post('/v1/topup', topup(c, { metadata: { '': 'v' } }))),
  bad('metadata an array', 'metadata', (c) => post('/v1/topup', topup(c, { metadata: ['a', 'b'] }))),
  bad('metadata a string', 'metadata', (c) => post('/v1/topup', topup(c, { metadata: 'k=v' }))),
];

const userRows: Row[] = [
  ...[
    ['ab', 'too short'],
    ['u'.repeat(65), 'too long'],
    ['bad name', 'a space'],
    ['naïve', 'non-ASCII'],
    ['', 'empty'],
    ["robert');DROP TABLE users;--", 'SQL'],
    ['<script>alert(1)</script>', 'markup'],
    ['tab\there', 'a control character'],
  ].map(([username, why]) => bad(`username ${why}`, 'username', () => api().post('/v1/users').send({ username }))),
  bad('username null', 'username', () => api().post('/v1/users').send({ username: null })),
  bad('username 123', 'username', () => api().post('/v1/users').send({ username: 123 })),
  bad('create user without username', 'username', () => api().post('/v1/users').send({})),
  bad('create user with an unknown field', 'admin', () => api().post('/v1/users').send({ username: 'mallory', admin: true })),
  {
    name: 'create user text/plain',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    send: () => api().post('/v1/users').set('Content-Type', 'text/plain').send('username=mallory'),
  },
  {
    name: 'username taken',
    status: 409,
    code: 'USERNAME_TAKEN',
    send: () => api().post('/v1/users').send({ username: 'alice' }),
  },
  bad('find users without username', 'username', () => api().get('/v1/users')),
  bad('find users with a 65-character username', 'username', () =>
    api()
      .get('/v1/users')
      .query({ username: 'u'.repeat(65) }),
  ),
  notFound('get unknown user', 'USER_NOT_FOUND', () => api().get(`/v1/users/${UNKNOWN_USER}`)),
  notFound('get user by SQL injection', 'USER_NOT_FOUND', () => api().get(`/v1/users/${encodeURIComponent(SQL_INJECTION)}`)),
];

/** Alice's real cursor with the entry id it carries changed (the MAC no longer matches). */
function editedCursor(cursor: string): string {
  const [entryId, mac] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  return Buffer.from(`${BigInt(entryId) + 1n}.${mac}`).toString('base64url');
}
function flippedCursor(cursor: string): string {
  const i = Math.floor(cursor.length / 2);
  return `${cursor.slice(0, i)}${cursor[i] === 'A' ? 'B' : 'A'}${cursor.slice(i + 1)}`;
}

const readRows: Row[] = [
  ...['0', '1000', 'abc', '-1', '1.5', '201', '', '1e2'].map((limit) =>
    bad(`history limit=${JSON.stringify(limit)}`, 'limit', (c) =>
      api().get(`${historyPath(c.alice)}?limit=${encodeURIComponent(limit)}`),
    ),
  ),
  bad('history limit given twice', 'limit', (c) => api().get(`${historyPath(c.alice)}?limit=1&limit=2`)),
  bad('history assetCode=gold', 'assetCode', (c) => api().get(historyPath(c.alice)).query({ assetCode: 'gold' })),
  notFound('history assetCode=SILVER', 'ASSET_NOT_FOUND', (c) => api().get(historyPath(c.alice)).query({ assetCode: 'SILVER' })),
  bad('history type=CHARGEBACK', 'type', (c) => api().get(historyPath(c.alice)).query({ type: 'CHARGEBACK' })),
  bad('history type=refund (lower case)', 'type', (c) => api().get(historyPath(c.alice)).query({ type: 'refund' })),
  bad('history forged cursor (random base64)', 'cursor', (c) =>
    api()
      .get(historyPath(c.alice))
      .query({ cursor: randomBytes(24).toString('base64url') }),
  ),
  bad('history forged cursor (random base64 with padding)', 'cursor', (c) =>
    api()
      .get(historyPath(c.alice))
      .query({ cursor: randomBytes(20).toString('base64') }),
  ),
  bad('history cursor with its entry id edited', 'cursor', (c) =>
    api()
      .get(historyPath(c.alice))
      .query({ cursor: editedCursor(c.aliceCursor) }),
  ),
  bad('history cursor with a character flipped', 'cursor', (c) =>
    api()
      .get(historyPath(c.alice))
      .query({ cursor: flippedCursor(c.aliceCursor) }),
  ),
  bad("history with another user's cursor", 'cursor', (c) => api().get(historyPath(c.alice)).query({ cursor: c.bobCursor })),
  bad('history cursor of another filter', 'cursor', (c) => api().get(historyPath(c.alice)).query({ cursor: c.aliceGoldCursor })),
  bad('history cursor of 300 characters', 'cursor', (c) =>
    api()
      .get(historyPath(c.alice))
      .query({ cursor: 'A'.repeat(300) }),
  ),
  bad('history cursor with SQL', 'cursor', (c) => api().get(historyPath(c.alice)).query({ cursor: SQL_INJECTION })),
  notFound('history of an unknown user', 'USER_NOT_FOUND', () => api().get(historyPath(UNKNOWN_USER))),
  notFound('history of a malformed user id', 'USER_NOT_FOUND', () => api().get(historyPath('not-a-user'))),
  notFound('balances of an unknown user', 'USER_NOT_FOUND', () => api().get(`/v1/users/${UNKNOWN_USER}/balances`)),
  notFound('balances of a SQL-injection id', 'USER_NOT_FOUND', () =>
    api().get(`/v1/users/${encodeURIComponent(SQL_INJECTION)}/balances`),
  ),
  ...[
    ['not a date', 'yesterday'],
    ['a date alone', '2026-11-30'],
    ['a time without a zone', '2026-11-30T00:00:00.000'],
    ['an impossible date', '2026-02-30T00:00:00.000Z'],
    ['in the future', '2999-01-01T00:00:00.000Z'],
    ['empty', ''],
    ['epoch seconds', '1764460800'],
    ['with SQL', SQL_INJECTION],
  ].map(([name, asOf]) =>
    bad(`balances asOf ${name}`, 'asOf', (c) => api().get(`/v1/users/${c.alice}/balances`).query({ asOf })),
  ),
  bad('balances asOf given twice', 'asOf', (c) =>
    api().get(`/v1/users/${c.alice}/balances?asOf=2026-11-30T00:00:00.000Z&asOf=2026-11-29T00:00:00.000Z`),
  ),
  bad('balances with an unknown query parameter', 'at', (c) =>
    api().get(`/v1/users/${c.alice}/balances`).query({ at: '2026-11-30T00:00:00.000Z' }),
  ),
  notFound('balances asOf of an unknown user', 'USER_NOT_FOUND', () =>
    api().get(`/v1/users/${UNKNOWN_USER}/balances`).query({ asOf: '2026-11-30T00:00:00.000Z' }),
  ),
  ...['abc', '0', '-1', '99999999999999999999', '999999999', '1 OR 1=1', '1;DROP TABLE journal_transactions'].map((id) =>
    notFound(`transaction id ${JSON.stringify(id)}`, 'NOT_FOUND', () => api().get(`/v1/transactions/${encodeURIComponent(id)}`)),
  ),
];

const routeRows: Row[] = [
  notFound('GET unknown route', 'NOT_FOUND', () => api().get('/v1/nope')),
  notFound('GET a write route', 'NOT_FOUND', () => api().get('/v1/topup')),
  notFound('PUT a write route', 'NOT_FOUND', (c) => api().put('/v1/topup').set('Idempotency-Key', key()).send(topup(c))),
  notFound('POST to /v2', 'NOT_FOUND', (c) => post('/v2/topup', topup(c))),
  notFound('POST to a misspelt route', 'NOT_FOUND', (c) => post('/v1/topups', topup(c))),
  notFound('DELETE a user', 'NOT_FOUND', (c) => api().delete(`/v1/users/${c.alice}`)),
  notFound('PATCH a transaction', 'NOT_FOUND', () => api().patch('/v1/transactions/1').send({ amount: 1 })),
  notFound('path traversal', 'NOT_FOUND', () => api().get('/v1/%2e%2e/%2e%2e/etc/passwd')),
];

/** A request whose target is sent exactly as written (supertest would not re-encode it either way). */
const getRaw = (target: string) => api().get(target);

// Query strings and path parameters follow the rule bodies follow: well-formed UTF-8 without NUL
// (`?username=%00abc` was a 500 with a stack trace in the log). Checked before routing.
const targetRows: Row[] = [
  bad('find users username=%00abc', 'username', () => getRaw('/v1/users?username=%00abc')),
  bad('find users username ending in %00', 'username', () => getRaw('/v1/users?username=alice%00')),
  bad('find users username=%FF (not UTF-8)', 'username', () => getRaw('/v1/users?username=%FF')),
  bad('find users username=%C0%80 (overlong NUL)', 'username', () => getRaw('/v1/users?username=%C0%80')),
  bad('find users username=%ED%A0%80 (lone surrogate)', 'username', () => getRaw('/v1/users?username=%ED%A0%80')),
  bad('find users username=%E2%82 (truncated)', 'username', () => getRaw('/v1/users?username=%E2%82')),
  bad('find users username=%ZZ (not an escape)', 'username', () => getRaw('/v1/users?username=%ZZ')),
  bad('find users with a NUL in a parameter name', 'query', () => getRaw('/v1/users?user%00name=alice')),
  bad('history cursor=%00', 'cursor', (c) => getRaw(`${historyPath(c.alice)}?cursor=%00`)),
  bad('history assetCode=GOLD%00', 'assetCode', (c) => getRaw(`${historyPath(c.alice)}?assetCode=GOLD%00`)),
  bad('history type=%00TOPUP', 'type', (c) => getRaw(`${historyPath(c.alice)}?type=%00TOPUP`)),
  bad('history limit=1%00', 'limit', (c) => getRaw(`${historyPath(c.alice)}?limit=1%00`)),
  bad('history limit=%FF', 'limit', (c) => getRaw(`${historyPath(c.alice)}?limit=%FF`)),
  bad('get user %00', 'path', () => getRaw('/v1/users/%00')),
  bad('get user id followed by %00', 'path', (c) => getRaw(`/v1/users/${c.alice}%00`)),
  bad('balances of a user id with %00', 'path', (c) => getRaw(`/v1/users/${c.alice.slice(0, 8)}%00${c.alice.slice(8)}/balances`)),
  bad('balances of %FF', 'path', () => getRaw('/v1/users/%FF/balances')),
  bad('balances asOf=%00', 'asOf', (c) => getRaw(`/v1/users/${c.alice}/balances?asOf=%00`)),
  bad('balances asOf ending in %00', 'asOf', (c) => getRaw(`/v1/users/${c.alice}/balances?asOf=2026-11-30T00:00:00.000Z%00`)),
  bad('balances asOf=%FF', 'asOf', (c) => getRaw(`/v1/users/${c.alice}/balances?asOf=%FF`)),
  bad('history of %E2%82 (truncated)', 'path', () => getRaw('/v1/users/%E2%82/transactions')),
  bad('transaction id 1%00', 'path', () => getRaw('/v1/transactions/1%00')),
  bad('transaction id %ED%B0%80 (lone surrogate)', 'path', () => getRaw('/v1/transactions/%ED%B0%80')),
  bad('transaction id %ZZ', 'path', () => getRaw('/v1/transactions/%ZZ')),
  bad('transaction id ending in a lone %', 'path', () => getRaw('/v1/transactions/1%')),
  bad('topup to a path with %00', 'path', (c) => api().post('/v1/topup%00').set('Idempotency-Key', key()).send(topup(c))),
  bad('verify full=%00', 'full', () => getRaw('/v1/ledger/verify?full=%00')),
  bad('verify full=maybe', 'full', () => getRaw('/v1/ledger/verify?full=maybe')),
  bad('verify full given twice', 'full', () => getRaw('/v1/ledger/verify?full=true&full=false')),
  bad('verify with an unknown query parameter', 'since', () => getRaw('/v1/ledger/verify?since=0')),
];

const refundPath = (c: Ctx, id = c.topupId) => `/v1/transactions/${id}/refunds`;
const refund = (c: Ctx, body: unknown, idempotencyKey: string | null = key(), id = c.topupId) =>
  post(refundPath(c, id), body, idempotencyKey);

// POST /v1/transactions/{transactionId}/refunds: every field is optional, so a row is a bad value,
// an unknown field, a missing key or an original that does not exist.
const refundRows: Row[] = [
  ...(
    [0, -5, 1.5, '0', '-5', '1.5', 'abc', '', true, [10], {}, '1000000000000001', THIRTY_DIGITS, '1e3', ' 10'] as unknown[]
  ).map((amount) => bad(`refund amount ${JSON.stringify(amount)}`, 'amount', (c) => refund(c, { amount }))),
  bad('refund amount lexeme 1e3', 'amount', (c) => postRaw(refundPath(c), '{"amount":1e3}')),
  bad('refund amount lexeme 10.0', 'amount', (c) => postRaw(refundPath(c), '{"amount":10.0}')),
  bad('refund reason 42', 'reason', (c) => refund(c, { amount: 1, reason: 42 })),
  bad('refund reason of 501 characters', 'reason', (c) => refund(c, { reason: 'r'.repeat(501) })),
  bad('refund reason with a NUL character', 'reason', (c) => refund(c, { reason: 'a\u0000b' })),
  bad('refund metadata nested', 'metadata', (c) => refund(c, { metadata: { a: { b: 'c' } } })),
  bad('refund metadata with 21 keys', 'metadata', (c) =>
    refund(c, { metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }),
  ),
  bad('refund metadata a string', 'metadata', (c) => refund(c, { metadata: 'k=v' })),
  bad('refund metadata with a number value', 'metadata', (c) => refund(c, { metadata: { n: 1 } })),
  bad('refund with the unknown field userId', 'userId', (c) => refund(c, { amount: 1, userId: c.alice })),
  bad('refund with the unknown field description', 'description', (c) => refund(c, { description: 'use reason' })),
  bad('refund with the unknown field constructor', undefined, (c) =>
    postRaw(refundPath(c), '{"amount":1,"constructor":{"x":"1"}}'),
  ),
  bad('refund without any key', 'Idempotency-Key', (c) => refund(c, { amount: 1 }, null)),
  bad('refund idempotencyKey 123 in the body', 'idempotencyKey', (c) => refund(c, { amount: 1, idempotencyKey: 123 }, null)),
  bad('refund header and body keys differ', 'idempotencyKey', (c) => refund(c, { amount: 1, idempotencyKey: 'k-a' }, 'k-b')),
  bad('refund body an array', 'body', (c) => refund(c, [{ amount: 1 }])),
  bad('refund malformed JSON', 'body', (c) => postRaw(refundPath(c), '{"amount": ')),
  {
    name: 'refund text/plain body',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    send: (c) => postRaw(refundPath(c), '{"amount":1}', 'text/plain'),
  },
  ...['999999999999', '0', '-1', 'abc', UNKNOWN_USER, SQL_INJECTION, '99999999999999999999'].map((id) =>
    notFound(`refund of the transaction ${JSON.stringify(id)}`, 'NOT_FOUND', (c) =>
      refund(c, { amount: 1 }, key(), encodeURIComponent(id)),
    ),
  ),
  bad('refund of the transaction 1%00', 'path', () =>
    api().post('/v1/transactions/1%00/refunds').set('Idempotency-Key', key()).send({}),
  ),
];

const hold = (c: Ctx, patch: Body = {}): Body => ({ userId: c.alice, assetCode: 'GOLD', amount: 10, ...patch });
const capturePath = (c: Ctx, id = c.holdId) => `/v1/holds/${id}/capture`;
const voidPath = (c: Ctx, id = c.holdId) => `/v1/holds/${id}/void`;
const UNKNOWN_HOLD = '00000000-0000-4000-8000-00000000beef';

// POST /v1/holds, /capture and /void. alice's hold of 50 stays HELD through all of them.
const holdRows: Row[] = [
  ...([0, -1, 604801, 1.5, '60', '', true, 10 ** 12, [60], {}] as unknown[]).map((expiresInSeconds) =>
    bad(`hold expiresInSeconds ${JSON.stringify(expiresInSeconds)}`, 'expiresInSeconds', (c) =>
      post('/v1/holds', hold(c, { expiresInSeconds })),
    ),
  ),
  bad('hold expiresInSeconds lexeme 60.0', 'expiresInSeconds', (c) =>
    postRaw('/v1/holds', `{"userId":"${c.alice}","assetCode":"GOLD","amount":10,"expiresInSeconds":60.0}`),
  ),
  ...([0, -1, '1.5', '1000000000000001', null, true] as unknown[]).map((amount) =>
    bad(`hold amount ${JSON.stringify(amount)}`, 'amount', (c) => post('/v1/holds', hold(c, { amount }))),
  ),
  bad('hold without amount', 'amount', (c) => post('/v1/holds', without(hold(c), 'amount'))),
  bad('hold without userId', 'userId', (c) => post('/v1/holds', without(hold(c), 'userId'))),
  bad('hold userId 123', 'userId', (c) => post('/v1/holds', hold(c, { userId: 123 }))),
  bad('hold without assetCode', 'assetCode', (c) => post('/v1/holds', without(hold(c), 'assetCode'))),
  bad('hold lowercase asset gold', 'assetCode', (c) => post('/v1/holds', hold(c, { assetCode: 'gold' }))),
  notFound('hold unknown asset SILVER', 'ASSET_NOT_FOUND', (c) => post('/v1/holds', hold(c, { assetCode: 'SILVER' }))),
  notFound('hold for an unknown user', 'USER_NOT_FOUND', (c) => post('/v1/holds', hold(c, { userId: UNKNOWN_USER }))),
  notFound('hold for a malformed user id', 'USER_NOT_FOUND', (c) => post('/v1/holds', hold(c, { userId: 'nope' }))),
  bad('hold with the unknown field toUserId', 'toUserId', (c) => post('/v1/holds', hold(c, { toUserId: c.bob }))),
  bad('hold with the unknown field status', 'status', (c) => post('/v1/holds', hold(c, { status: 'CAPTURED' }))),
  bad('hold with the unknown field expiresAt', 'expiresAt', (c) =>
    post('/v1/holds', hold(c, { expiresAt: '2030-01-01T00:00:00.000Z' })),
  ),
  bad('hold description of 501 characters', 'description', (c) => post('/v1/holds', hold(c, { description: 'd'.repeat(501) }))),
  bad('hold metadata nested', 'metadata', (c) => post('/v1/holds', hold(c, { metadata: { a: { b: 'c' } } }))),
  bad('hold without any key', 'Idempotency-Key', (c) => post('/v1/holds', hold(c), null)),
  ...([0, -1, '1.5', 'abc', '1000000000000001', true, 51] as unknown[]).map((amount) =>
    bad(`capture amount ${JSON.stringify(amount)}${amount === 51 ? ' (more than the hold)' : ''}`, 'amount', (c) =>
      post(capturePath(c), { amount }),
    ),
  ),
  bad('capture toUserId 123', 'toUserId', (c) => post(capturePath(c), { toUserId: 123 })),
  bad('capture toUserId ["x"]', 'toUserId', (c) => post(capturePath(c), { toUserId: [c.bob] })),
  notFound('capture to an unknown user', 'USER_NOT_FOUND', (c) => post(capturePath(c), { toUserId: UNKNOWN_USER })),
  notFound('capture to a malformed user id', 'USER_NOT_FOUND', (c) =>
    post(capturePath(c), { amount: 1, toUserId: SQL_INJECTION }),
  ),
  bad('capture with the unknown field userId', 'userId', (c) => post(capturePath(c), { userId: c.bob })),
  bad('capture with the unknown field status', 'status', (c) => post(capturePath(c), { status: 'VOIDED' })),
  bad('capture body an array', 'body', (c) => post(capturePath(c), [{}])),
  bad('capture without any key', 'Idempotency-Key', (c) => post(capturePath(c), {}, null)),
  bad('capture header and body keys differ', 'idempotencyKey', (c) => post(capturePath(c), { idempotencyKey: 'k-a' }, 'k-b')),
  bad('void with an amount', 'amount', (c) => post(voidPath(c), { amount: 10 })),
  bad('void with a toUserId', 'toUserId', (c) => post(voidPath(c), { toUserId: c.bob })),
  bad('void idempotencyKey 123 in the body', 'idempotencyKey', (c) => post(voidPath(c), { idempotencyKey: 123 }, null)),
  bad('void without any key', 'Idempotency-Key', (c) => post(voidPath(c), {}, null)),
  {
    name: 'void text/plain body',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    send: (c) => postRaw(voidPath(c), '{}', 'text/plain'),
  },
  ...[UNKNOWN_HOLD, 'abc', '0', SQL_INJECTION].map((id) =>
    notFound(`capture of the hold ${JSON.stringify(id)}`, 'NOT_FOUND', (c) => post(capturePath(c, encodeURIComponent(id)), {})),
  ),
  notFound('capture of an unknown hold, more than any hold', 'NOT_FOUND', (c) =>
    post(capturePath(c, UNKNOWN_HOLD), { amount: 1000 }),
  ),
  ...[UNKNOWN_HOLD, 'abc', SQL_INJECTION].map((id) =>
    notFound(`void of the hold ${JSON.stringify(id)}`, 'NOT_FOUND', (c) => post(voidPath(c, encodeURIComponent(id)), {})),
  ),
  bad('void of the hold %00', 'path', () => api().post('/v1/holds/%00/void').set('Idempotency-Key', key()).send({})),
];

const holdsPath = (userId: string) => `/v1/users/${userId}/holds`;

const holdReadRows: Row[] = [
  ...[UNKNOWN_HOLD, 'abc', '0', SQL_INJECTION].map((id) =>
    notFound(`get the hold ${JSON.stringify(id)}`, 'NOT_FOUND', () => api().get(`/v1/holds/${encodeURIComponent(id)}`)),
  ),
  bad('get the hold %00', 'path', () => getRaw('/v1/holds/%00')),
  bad('get the hold %FF', 'path', () => getRaw('/v1/holds/%FF')),
  ...['held', 'NOPE', '', 'HELD ', 'ACTIVE'].map((status) =>
    bad(`holds status=${JSON.stringify(status)}`, 'status', (c) => api().get(holdsPath(c.alice)).query({ status })),
  ),
  bad('holds status given twice', 'status', (c) => getRaw(`${holdsPath(c.alice)}?status=HELD&status=VOIDED`)),
  bad('holds status=%00HELD', 'status', (c) => getRaw(`${holdsPath(c.alice)}?status=%00HELD`)),
  ...['0', '201', 'abc', '-1', '1.5'].map((limit) =>
    bad(`holds limit=${limit}`, 'limit', (c) => api().get(holdsPath(c.alice)).query({ limit })),
  ),
  bad('holds with the unknown query parameter userId', 'userId', (c) => api().get(holdsPath(c.alice)).query({ userId: c.bob })),
  notFound('holds of an unknown user', 'USER_NOT_FOUND', () => api().get(holdsPath(UNKNOWN_USER))),
  notFound('holds of a malformed user id', 'USER_NOT_FOUND', () => api().get(holdsPath('not-a-user'))),
];

const ROWS: Row[] = [
  ...amountRows,
  ...shapeRows,
  ...assetRows,
  ...userIdRows,
  ...keyRows,
  ...bodyRows,
  ...hostileRows,
  ...textRows,
  ...userRows,
  ...readRows,
  ...routeRows,
  ...targetRows,
  ...refundRows,
  ...holdRows,
  ...holdReadRows,
];

describe('Bad input', () => {
  let c: Ctx;

  beforeAll(async () => {
    t = await startTestApp();
    const find = async (username: string) =>
      (await api().get('/v1/users').query({ username }).expect(200)).body.data[0].id as string;
    const [alice, bob] = [await find('alice'), await find('bob')];
    const topups: string[] = [];
    for (const [user, asset] of [
      [alice, 'GOLD'],
      [alice, 'GOLD'],
      [alice, 'DIAMOND'],
      [bob, 'GOLD'],
      [bob, 'GOLD'],
    ]) {
      const res = await t.client.topup(user, 500, { assetCode: asset });
      expect(res.status).toBe(201);
      topups.push(res.body.id as string);
    }
    const held = await t.client.createHold(alice, 50, { expiresInSeconds: 604800 });
    expect(held.status).toBe(201);
    const cursor = async (userId: string, query: Record<string, string | number>) => {
      const res = await t.client.history(userId, { limit: 1, ...query });
      expect({ status: res.status, nextCursor: res.body.nextCursor }).toEqual({ status: 200, nextCursor: expect.any(String) });
      return res.body.nextCursor as string;
    };
    c = {
      alice,
      bob,
      aliceCursor: await cursor(alice, {}),
      aliceGoldCursor: await cursor(alice, { assetCode: 'GOLD' }),
      bobCursor: await cursor(bob, {}),
      topupId: topups[0],
      holdId: held.body.id as string,
    };
  });
  afterAll(() => t.close());

  it('has at least 40 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
  });

  describe('refuses each request with its documented problem and changes nothing', () => {
    let before: Awaited<ReturnType<typeof ledgerSnapshot>>;
    beforeAll(async () => {
      before = await ledgerSnapshot(t.db);
    });

    it.each(ROWS)('$name → $status $code', async (row) => {
      const rowBefore = await ledgerSnapshot(t.db);
      const res = await row.send(c);
      expectProblem(res, row.status, row.code, row.field);
      expect(await ledgerSnapshot(t.db)).toEqual(rowBefore);
    });

    it('leaves balances, journals and keys as they were after the whole table, and the ledger verified', async () => {
      expect(await ledgerSnapshot(t.db)).toEqual(before);
      expect(await ledgerViolations(t.db)).toEqual([]);
      const verified = await t.client.verify();
      expect(verified.ok).toBe(true);
      // The refund rows refunded nothing, the capture and void rows left the hold as it was.
      expect((await t.client.transaction(c.topupId)).body).toMatchObject({ refundedAmount: '0', refunds: [] });
      expect((await t.client.getHold(c.holdId)).body).toMatchObject({ status: 'HELD', amount: '50', capturedAmount: '0' });
      expect(await t.client.wallet(c.alice)).toEqual({ balance: 950n, held: 50n });
    });
  });

  // API.md: "an absent optional field is the same as null". A refund's or a capture's `amount: null`
  // was a 500, a capture's `toUserId: null` a 404 USER_NOT_FOUND.
  describe('null in an optional field of a refund or a capture', () => {
    it('refunds all that is left for amount: null, and replays it for the absent amount', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const spend = await t.client.spend(user, 60);
      const k = key();
      const res = await t.client.refund(spend.body.id as string, {
        key: k,
        body: { amount: null, reason: null, metadata: null },
      });
      expect({ status: res.status, amount: res.body.amount }).toEqual({ status: 201, amount: '60' });
      const again = await t.client.refund(spend.body.id as string, { key: k });
      expect({ status: again.status, replayed: again.headers['idempotent-replayed'], text: again.text }).toEqual({
        status: 201,
        replayed: 'true',
        text: res.text,
      });
      expect(await t.client.balance(user)).toBe(100n);
    });

    it('captures all of the hold to the treasury for amount: null and toUserId: null', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const created = await t.client.createHold(user, 40, {
        body: { userId: user, assetCode: 'GOLD', amount: 40, expiresInSeconds: null },
      });
      expect(created.status).toBe(201);
      const k = key();
      const res = await t.client.captureHold(created.body.id as string, { key: k, body: { amount: null, toUserId: null } });
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: expect.objectContaining({ status: 'CAPTURED', capturedAmount: '40' }),
      });
      expect(res.body.capturedToUserId).toBeUndefined();
      const again = await t.client.captureHold(created.body.id as string, { key: k });
      expect({ status: again.status, replayed: again.headers['idempotent-replayed'], text: again.text }).toEqual({
        status: 200,
        replayed: 'true',
        text: res.text,
      });
      expect(await t.client.wallet(user)).toEqual({ balance: 60n, held: 0n });
    });
  });

  describe('a transfer to oneself (a business rejection, stored as an outcome)', () => {
    it('is refused with 422 SAME_ACCOUNT_TRANSFER, moves no money, and is replayed under its key', async () => {
      const before = await ledgerSnapshot(t.db);
      const selfKey = key();
      const first = await t.client.transfer(c.alice, c.alice, 10, { key: selfKey });
      expectProblem(first, 422, 'SAME_ACCOUNT_TRANSFER');
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const after = await ledgerSnapshot(t.db);
      // The outcome is stored (one more idempotency record); no money moved.
      expect(after).toEqual({ ...before, idempotencyKeys: before.idempotencyKeys + 1 });
      const [record] = await t.db.query<{ status_code: number; journal_id: string | null }>(
        `SELECT status_code, journal_id FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [c.alice, selfKey],
      );
      expect(record).toEqual({ status_code: 422, journal_id: null });

      const replay = await t.client.transfer(c.alice, c.alice, '10', { key: selfKey, keyInBody: true });
      expect(replay.status).toBe(422);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(replay.text).toBe(first.text);

      const reused = await t.client.transfer(c.alice, c.alice, 11, { key: selfKey });
      expectProblem(reused, 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(await ledgerSnapshot(t.db)).toEqual(after);
    });

    it('is refused whatever the amount, even one larger than the balance, and whichever spelling of the id', async () => {
      const before = await ledgerSnapshot(t.db);
      for (const [to, amount] of [
        [c.alice, '1000000000000000'],
        [c.alice.toUpperCase(), 1],
      ] as const) {
        expectProblem(await t.client.transfer(c.alice, to, amount), 422, 'SAME_ACCOUNT_TRANSFER');
      }
      expect(await ledgerSnapshot(t.db)).toEqual({ ...before, idempotencyKeys: before.idempotencyKeys + 2 });
    });
  });

  // Metadata is "a flat object of up to 20 string keys": such keys must be kept, or refused as
  // hostile with a 400 (the service's choice), never silently dropped (as they once were).
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    'keeps or refuses the metadata key %s, never drops it',
    async (name) => {
      const before = await ledgerSnapshot(t.db);
      const res = await postRaw('/v1/topup', withRawField(topup(c), 'metadata', `{${JSON.stringify(name)}:"kept"}`));
      if (res.status === 400) {
        expectProblem(res, 400, 'VALIDATION_FAILED', 'metadata');
        expect(await ledgerSnapshot(t.db)).toEqual(before);
        return;
      }
      expect(res.status).toBe(201);
      expect(Object.entries(res.body.metadata as object)).toEqual([[name, 'kept']]);
    },
  );

  // "GET /v1/transactions/{transactionId} → 200 the transaction as returned by the write": a lone
  // surrogate must be refused, or stored and read back as written (it was once answered as sent
  // but stored as U+FFFD).
  it('reads back a transaction exactly as the write returned it, or refuses ill-formed Unicode', async () => {
    const before = await ledgerSnapshot(t.db);
    const res = await post('/v1/topup', topup(c, { description: 'x\ud800y' }));
    if (res.status === 400) {
      expectProblem(res, 400, 'VALIDATION_FAILED', 'description');
      expect(await ledgerSnapshot(t.db)).toEqual(before);
      return;
    }
    expect(res.status).toBe(201);
    const read = await api().get(`/v1/transactions/${res.body.id}`).expect(200);
    expect(read.body).toEqual(res.body);
  });

  describe('refused requests are not stored', () => {
    it('lets a key that got a 400 or a 404 carry out a corrected request', async () => {
      const [k400, k404] = [key(), key()];
      expectProblem(await t.client.topup(c.bob, 0, { key: k400 }), 400, 'VALIDATION_FAILED');
      expectProblem(await t.client.topup(c.bob, 5, { key: k404, assetCode: 'SILVER' }), 404, 'ASSET_NOT_FOUND');
      const balance = await t.client.balance(c.bob);
      for (const k of [k400, k404]) {
        const res = await t.client.topup(c.bob, 5, { key: k });
        expect(res.status).toBe(201);
        expect(res.headers['idempotent-replayed']).toBeUndefined();
      }
      expect(await t.client.balance(c.bob)).toBe(balance + 10n);
      expect(await ledgerViolations(t.db)).toEqual([]);
    });
  });
});
