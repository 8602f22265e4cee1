import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_MASTER_KEY } from '../support/auth';
import { SpawnedService, spawnService } from '../support/spawned-service';
import { TestDatabase } from '../support/test-database';

const ROOT = join(__dirname, '../..');
const SDK = join(ROOT, 'libs/sdk');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function exec(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function npm(args: readonly string[], cwd: string): Promise<Result> {
  return exec('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd);
}

/** The runnable example of libs/sdk/README.md, exactly as a reader copies it. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(join(SDK, 'README.md'), 'utf8');
  const block = /<!-- sdk-example:start -->\s*```js\n([^]*?)```\s*<!-- sdk-example:end -->/.exec(readme);
  if (!block) throw new Error('libs/sdk/README.md has no sdk-example block');
  return block[1];
}

/** Strict TypeScript against the installed package's own declarations (exports → types). */
const TYPED_USE = `
import { isWalletApiError, WalletApiClient, type Transaction } from '@dino-wallet/sdk';

export async function use(wallet: WalletApiClient, userId: string): Promise<string> {
  const { transaction }: { transaction: Transaction } = await wallet.topUp({ userId, assetCode: 'GOLD', amount: 5n });
  for (const entry of transaction.entries) {
    if (entry.account.kind === 'USER') return entry.account.userId;
    // @ts-expect-error a SYSTEM account has a name, no userId
    return entry.account.userId;
  }
  try {
    await wallet.spend({ userId, assetCode: 'GOLD', amount: '10' });
  } catch (error) {
    if (!isWalletApiError(error)) throw error;
    switch (error.code) {
      case 'INSUFFICIENT_FUNDS':
        return error.problem.required;
      case 'USER_NOT_FOUND':
        // @ts-expect-error only INSUFFICIENT_FUNDS carries required
        return error.problem.required;
      default:
        return error.code;
    }
  }
  // @ts-expect-error amounts are bigint, safe numbers or digit strings, not booleans
  await wallet.topUp({ userId, assetCode: 'GOLD', amount: true });
  return transaction.balanceAfter;
}
`;

/**
 * libs/sdk is a real package: `npm pack` makes a tarball that installs into an empty project,
 * where the README's example runs as written (ES module, top-level await) and creates a new user
 * each time, CommonJS `require` works, and strict TypeScript sees its declarations.
 */
describe('SDK package (npm pack, installed into a scratch project)', () => {
  let database: TestDatabase;
  let service: SpawnedService;
  let scratch: string;

  beforeAll(async () => {
    database = await TestDatabase.create();
    service = await spawnService({ DATABASE_URL: database.url });
    scratch = await mkdtemp(join(tmpdir(), 'dino-sdk-scratch-'));
    const pack = await npm(['pack', '--pack-destination', scratch, '--json'], SDK); // prepack builds dist/
    expect({ code: pack.code, stderr: pack.stderr }).toMatchObject({ code: 0 });
    const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'dist/esm/index.js',
        'dist/esm/index.d.ts',
        'dist/cjs/index.js',
        'dist/cjs/index.d.ts',
      ]),
    );
    expect(files.filter((f) => f.startsWith('src/') || f.endsWith('.spec.js'))).toEqual([]);

    await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, version: '0.0.0' }));
    const install = await npm(['install', '--prefer-offline', join(scratch, packed.filename)], scratch);
    expect({ code: install.code, stderr: install.stderr }).toMatchObject({ code: 0 });
  }, 240000);

  afterAll(async () => {
    service.child.kill('SIGTERM');
    await service.exited;
    await database.drop();
    await rm(scratch, { recursive: true, force: true });
  });

  it("runs the README's example as written, twice (a new user each time)", async () => {
    await writeFile(join(scratch, 'example.mjs'), await readmeExample());
    for (let run = 0; run < 2; run++) {
      const result = await exec(process.execPath, ['example.mjs'], scratch, {
        WALLET_URL: service.url,
        WALLET_API_KEY: TEST_MASTER_KEY,
      });
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      expect(result.stdout.trim().split('\n')).toEqual([
        expect.stringMatching(/^player_[a-z0-9]+ has 1000 GOLD$/),
        'refused: has 1000, needs 1500',
        'TOPUP CREDIT 1000 balance after: 1000',
      ]);
    }
  });

  it('loads through require() (CommonJS) with the same API', async () => {
    const script = `
      const sdk = require('@dino-wallet/sdk');
      const wallet = new sdk.WalletApiClient({ baseUrl: process.env.WALLET_URL, apiKey: process.env.WALLET_API_KEY });
      wallet.listAssets().then((assets) => console.log(assets.map((a) => a.code).join(',')),
        (error) => { console.error(error); process.exit(1); });
      wallet.getUser('no-such-user').catch((error) => console.log(sdk.isWalletApiError(error, 'USER_NOT_FOUND'), error.status));
    `;
    await writeFile(join(scratch, 'use.cjs'), script);
    const result = await exec(process.execPath, ['use.cjs'], scratch, {
      WALLET_URL: service.url,
      WALLET_API_KEY: TEST_MASTER_KEY,
    });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout.trim().split('\n').sort()).toEqual(['DIAMOND,GOLD,POINT', 'true 404'].sort());
  });

  it('type-checks a strict TypeScript module against the installed declarations (errors narrowed by code)', async () => {
    await writeFile(join(scratch, 'typed.ts'), TYPED_USE);
    const tsconfig = {
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'ES2022',
        lib: ['ES2023', 'DOM'],
        types: [],
        noEmit: true,
      },
      files: ['typed.ts'],
    };
    await writeFile(join(scratch, 'tsconfig.json'), JSON.stringify(tsconfig));
    const result = await exec(process.execPath, [TSC, '-p', 'tsconfig.json', '--pretty', 'false'], scratch);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
