import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TestDatabase } from '../support/test-database';

const ROOT = join(__dirname, '..', '..');

/**
 * A small run of `npm run torture` (scripts/torture.ts) in CI: two service processes on a database
 * of their own, duplicates, client timeouts and retries, refunds racing refunds, captures racing
 * voids racing the expiry job, then the script's own audit. The long run is documented in the README.
 */
describe('npm run torture (small)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await TestDatabase.create();
  });
  afterAll(() => db.drop());

  it('finds no violation and says so in a one-line verdict', async () => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        './test/support/register-ts.js',
        'scripts/torture.ts',
        '--operations',
        '600',
        '--seconds',
        '30',
        '--clients',
        '16',
        '--users',
        '4',
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.url, TORTURE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect({ code, stdout, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stdout: expect.any(String), stderr: '' });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^torture: PASS operations=600 .*duplicates=\d+ reuses=\d+ timeouts=\d+ retries=\d+ 201=\d+ 422=\d+ 409=\d+ 503=\d+ 200=\d+ other=0 refund_races=\d+ refunds=\d+ hold_races=\d+ holds=\d+ captured=\d+ voided=\d+ expired=\d+ .*violations=0$/,
    );
    const count = (name: string) => Number(new RegExp(`\\b${name}=(\\d+)`).exec(lines[0])?.[1]);
    expect(count('duplicates')).toBeGreaterThan(0);
    expect(count('timeouts')).toBeGreaterThan(0);
    expect(count('reuses')).toBeGreaterThan(0);
    expect(count('processes')).toBe(2);
    // The races ran: refunds of one original at once, and captures, voids and the expiry job for one hold.
    for (const name of ['refund_races', 'refunds', 'hold_races', 'holds', 'captured', 'voided', 'expired'])
      expect({ name, n: count(name) }).toEqual({ name, n: expect.any(Number) });
    for (const name of ['refunds', 'captured', 'voided', 'expired'])
      expect({ name, positive: count(name) > 0 }).toEqual({ name, positive: true });
  }, 180000);
});
