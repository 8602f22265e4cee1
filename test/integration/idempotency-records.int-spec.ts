import { PipelinedTransactionRunner } from '@app/common';
import { IdempotencyRecord, IdempotencyRecordsService } from '@app/idempotency';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A batch's records are inserted in one statement, as one JSON document: every stored answer must
 * come back exactly as given, whatever it holds (quotes, backslashes, non-ASCII text, nothing), and
 * each under its own key — replays are byte for byte.
 */
describe(`${IdempotencyRecordsService.name} store`, () => {
  let t: TestApp;
  let records: IdempotencyRecordsService;
  let transactions: PipelinedTransactionRunner;
  let userId: string;

  beforeAll(async () => {
    t = await startTestApp();
    records = t.app.get(IdempotencyRecordsService);
    transactions = t.app.get(PipelinedTransactionRunner);
    userId = (await t.client.createUser()).id;
  });
  afterAll(() => t.close());

  const record = (key: string, body: string, status = 201): IdempotencyRecord => ({
    userId,
    key,
    endpoint: 'POST /v1/topup',
    fingerprint: `fp-${key}`,
    status,
    body,
    journalId: null,
  });
  const storedBodies = async (keys: readonly string[]) =>
    t.db.query<{ key: string; status_code: number; response_body: string; fingerprint: string }>(
      `SELECT key, status_code, response_body, fingerprint FROM idempotency_keys WHERE user_id = $1 AND key = ANY ($2::text[]) ORDER BY key`,
      [userId, keys],
    );
  const store = (batch: readonly IdempotencyRecord[]) =>
    transactions.run(async (tx) => void (await records.store(tx, batch)), { maxAttempts: 1 });

  it('stores every answer of a batch byte for byte, each under its own key', async () => {
    const bodies = [
      JSON.stringify({ description: 'quotes " and \\ backslashes', metadata: { 'k"ey': 'v\\"al' } }),
      JSON.stringify({ description: 'emoji 🦖 and ünïcödé, a tab\tand a newline\n' }),
      '',
      JSON.stringify({ title: 'Not Found', status: 404 }),
      '',
    ];
    const batch = bodies.map((body, i) => record(`many-${i}`, body, i === 3 ? 404 : 201));
    await store(batch);
    const rows = await storedBodies(batch.map((r) => r.key));
    expect(rows.map((r) => [r.key, r.status_code, r.response_body, r.fingerprint])).toEqual(
      batch.map((r) => [r.key, r.status, r.body, r.fingerprint]),
    );
  });

  it('stores a batch of one, an empty answer included', async () => {
    await store([record('one-empty', '')]);
    await store([record('one', '{"ok":true}')]);
    expect((await storedBodies(['one-empty', 'one'])).map((r) => [r.key, r.response_body])).toEqual([
      ['one', '{"ok":true}'],
      ['one-empty', ''],
    ]);
  });
});
