import { PipelinedTransactionRunner } from '@app/common';
import { startTestApp, TestApp } from '../support/test-app';

type Settings = { plan_cache_mode: string; enable_seqscan: string };
const SETTINGS = `SELECT current_setting('plan_cache_mode') AS plan_cache_mode, current_setting('enable_seqscan') AS enable_seqscan`;

/**
 * A transaction run with `plans: 'generic'` (the ledger's single flight) plans its statements once
 * per connection, with sequential scans off; the session keeps planning every other statement for
 * its parameters — the setting ends with the transaction, on every connection of the pool.
 */
describe(`${PipelinedTransactionRunner.name} plans`, () => {
  let t: TestApp;
  let transactions: PipelinedTransactionRunner;

  beforeAll(async () => {
    t = await startTestApp();
    transactions = t.app.get(PipelinedTransactionRunner);
  });
  afterAll(() => t.close());

  const settingsIn = (plans?: 'generic') =>
    transactions.run(async (tx) => (await tx.query<Settings>('test_plan_settings', SETTINGS, []))[0], { maxAttempts: 1, plans });

  it('runs a generic-plans transaction with generic plans and no sequential scans', async () => {
    expect(await settingsIn('generic')).toEqual({ plan_cache_mode: 'force_generic_plan', enable_seqscan: 'off' });
  });

  it('leaves every session planning for the parameters afterwards', async () => {
    // Many at once, so that they spread over the pool's connections, each of which ran generic ones first.
    await Promise.all(Array.from({ length: 20 }, () => settingsIn('generic')));
    const after = await Promise.all(Array.from({ length: 20 }, () => settingsIn()));
    expect(new Set(after.map((s) => `${s.plan_cache_mode} ${s.enable_seqscan}`))).toEqual(new Set(['force_custom_plan on']));
  });
});
