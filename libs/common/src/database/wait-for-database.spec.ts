import { DatabaseConnectionError } from './connection-errors';
import { StartupAbandonedError, waitForDatabase } from './wait-for-database';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
const fast = { initialDelayMs: 1, maxDelayMs: 4, stopRequested: () => false };

describe(waitForDatabase.name, () => {
  it('retries while the database is unreachable and returns what the attempt returns', async () => {
    let calls = 0;
    const log: string[] = [];
    const result = await waitForDatabase(
      async () => {
        calls++;
        if (calls < 4) throw new DatabaseConnectionError('DATABASE_URL', 'postgres://u:secret@db:5432/w', refused());
        return 'ready';
      },
      { ...fast, timeoutMs: 10_000, log: (m) => log.push(m) },
    );
    expect({ result, calls }).toEqual({ result: 'ready', calls: 4 });
    expect(log).toHaveLength(3);
    expect(log[0]).toMatch(
      /^database unavailable \(DATABASE_URL \(db:5432\/w\): connect ECONNREFUSED .*\); not ready, retrying in/,
    );
    expect(log.join('\n')).not.toContain('secret');
  });

  it('gives up after the timeout with one line that counts the attempts and names the last error', async () => {
    const attempt = () => Promise.reject(new DatabaseConnectionError('DATABASE_URL', 'postgres://db/w', refused()));
    await expect(waitForDatabase(attempt, { ...fast, timeoutMs: 30, log: () => undefined })).rejects.toThrow(
      /^the database was not reachable within 0 s \(DATABASE_STARTUP_TIMEOUT_MS\); \d+ attempts, the last: DATABASE_URL \(db:5432\/w\): connect ECONNREFUSED/,
    );
  });

  it.each([
    ['a wrong password', Object.assign(new Error('password authentication failed for user "app"'), { code: '28P01' })],
    [
      'an untrusted certificate',
      Object.assign(new Error('unable to verify the first certificate'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }),
    ],
    [
      'a pooler refusing startup parameters',
      Object.assign(new Error('unsupported startup parameter: statement_timeout'), { code: '08P01' }),
    ],
  ])('does not wait for %s (a configuration problem): the first error is thrown', async (_what, cause) => {
    let calls = 0;
    const attempt = () => {
      calls++;
      return Promise.reject(new DatabaseConnectionError('DATABASE_URL', 'postgres://db/w', cause));
    };
    await expect(waitForDatabase(attempt, { ...fast, timeoutMs: 10_000, log: () => undefined })).rejects.toBeInstanceOf(
      DatabaseConnectionError,
    );
    expect(calls).toBe(1);
  });

  it('stops waiting when the process is asked to stop', async () => {
    let stop = false;
    const attempt = () => {
      stop = true;
      return Promise.reject(refused());
    };
    await expect(
      waitForDatabase(attempt, { timeoutMs: 60_000, initialDelayMs: 5_000, stopRequested: () => stop, log: () => undefined }),
    ).rejects.toBeInstanceOf(StartupAbandonedError);
  });
});
