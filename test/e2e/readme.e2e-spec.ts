import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, SpawnedService, spawnService } from '../support/spawned-service';

const README = join(__dirname, '../../README.md');

/** The README's "First ten minutes" curl block, exactly as a reader copies it. */
async function firstTenMinutes(): Promise<string> {
  const readme = await readFile(README, 'utf8');
  const block = /<!-- first-ten-minutes:start -->\s*```bash\n([^]*?)```\s*<!-- first-ten-minutes:end -->/.exec(readme);
  if (!block) throw new Error('README.md has no first-ten-minutes block');
  return block[1];
}

function bash(script: string, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-o', 'pipefail', '-e', '-c', script], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * A new user following the README: `npm start` with nothing configured (embedded PostgreSQL, the
 * development key it makes), then every curl of "First ten minutes" pasted into a shell — twice,
 * since the walk-through's usernames and keys must never clash with an earlier run.
 */
describe('README: First ten minutes', () => {
  let parent: string;
  let service: SpawnedService;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'dino-readme-'));
    await chmod(parent, 0o755);
    // As `npm start` in a fresh clone: no DATABASE_URL and no API_MASTER_KEY.
    service = await spawnService(
      {
        DATABASE_URL: '',
        API_MASTER_KEY: '',
        EMBEDDED_PG_DIR: join(parent, '.data/postgres'),
        EMBEDDED_PG_PORT: String(await freePort()),
        LOG_LEVEL: 'info',
      },
      90000,
    );
  }, 120000);

  afterAll(async () => {
    service.child.kill('SIGTERM');
    await service.exited;
    await rm(parent, { recursive: true, force: true });
  });

  it('every command runs and answers as shown, twice in a row', async () => {
    const script = (await firstTenMinutes()).replaceAll('localhost:3000', new URL(service.url).host);
    const topUpBalances: bigint[] = [];
    for (let run = 1; run <= 2; run++) {
      const result = await bash(script, parent);
      expect({ run, code: result.code, stderr: result.stderr }).toEqual({ run, code: 0, stderr: '' });
      const out = result.stdout;
      expect(out).toContain('"status":"ok"');
      expect(out).toContain(
        '{"data":[{"code":"DIAMOND","name":"Diamond"},{"code":"GOLD","name":"Gold"},{"code":"POINT","name":"Point"}]}',
      );
      expect(out).toMatch(/"type":"TOPUP","status":"POSTED".*"amount":"100"/);
      expect(out).toMatch(/^Idempotent-Replayed: true\r?$/im);
      expect(out).toMatch(/"type":"SPEND".*"amount":"30"/);
      expect(out).toMatch(/"type":"BONUS".*"assetCode":"POINT","amount":"50"/);
      expect(out).toMatch(/"type":"TRANSFER".*"toUserId":"[^"]+".*"amount":"20"/);
      expect(out).toContain('"balance":"20","required":"500"');
      expect(out).toMatch(/"direction":"CREDIT","balanceAfter":"20","counterparty":\{"kind":"USER"/);
      expect(out).toContain('"ok":true');
      expect(out).toMatch(/^ledger_postings_total/m);
      // The only problem is the one shown (INSUFFICIENT_FUNDS): no 4xx from a clashing key or name.
      const problems = out.split('\n').filter((line) => /"status":4\d\d/.test(line));
      expect({ run, problems }).toEqual({ run, problems: [expect.stringContaining('"status":422')] });
      topUpBalances.push(BigInt(/"type":"TOPUP".*?"balanceAfter":"(\d+)"/.exec(out)?.[1] ?? '-1'));
    }
    // Each run moved alice's GOLD by exactly 100 - 30 - 20: the replayed top-up moved nothing.
    expect(topUpBalances[1] - topUpBalances[0]).toBe(50n);
  });
});
