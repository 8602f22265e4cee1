import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { getJson } from '../support/http-json';
import { PrivatePostgres } from '../support/private-postgres';
import { freePort, launchService, spawnService, SpawnedService } from '../support/spawned-service';

/** A CA and a server certificate for `localhost` only (DNS name, no IP address), made with openssl. */
async function makeCertificates(dir: string): Promise<{ ca: string; cert: string; key: string }> {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Dino Wallet test CA',
  );
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  await writeFile(join(dir, 'san.cnf'), 'subjectAltName=DNS:localhost\n');
  ssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'san.cnf',
  );
  const key = join(dir, 'server.key');
  await chmod(key, 0o600); // PostgreSQL refuses a key others can read
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    await chown(key, id('-u'), id('-g')); // as root PostgreSQL runs as the postgres OS user
  }
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'server.pem'), key };
}

/**
 * TLS to PostgreSQL with a private CA, against a PostgreSQL of the test's own (ssl=on, a
 * certificate signed by a CA made here): verified connections work with the CA given either way,
 * an untrusted or misnamed certificate stops start-up with one line that names the connection and
 * the fix, and no start prints node-postgres's multi-line security warning.
 */
describe('TLS to the database with a private CA', () => {
  let dir: string;
  let pg: PrivatePostgres;
  let certs: { ca: string; cert: string; key: string };

  const url = (host: string, query: string) => {
    const u = new URL(pg.url('dino_tls_test'));
    u.hostname = host;
    return `${u.toString()}?${query}`;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dino-tls-'));
    await chmod(dir, 0o755); // readable by the postgres OS user
    certs = await makeCertificates(dir);
    pg = await PrivatePostgres.start(dir, await freePort(), [
      '-c',
      'ssl=on',
      '-c',
      `ssl_cert_file=${certs.cert}`,
      '-c',
      `ssl_key_file=${certs.key}`,
    ]);
    await pg.createDatabase('dino_tls_test');
  }, 60000);
  afterAll(async () => {
    await pg?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function expectEncryptedService(service: SpawnedService): Promise<void> {
    try {
      expect((await getJson(service.url, '/v1/assets')).status).toBe(200);
      const db = new Client({ connectionString: pg.url('dino_tls_test') });
      await db.connect();
      try {
        const sessions = await db.query(
          `SELECT s.ssl FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.application_name = 'dino-wallet' AND a.datname = 'dino_tls_test'`,
        );
        expect(sessions.rows.length).toBeGreaterThan(0);
        expect(sessions.rows.every((r) => r.ssl === true)).toBe(true);
      } finally {
        await db.end();
      }
      expect(service.output()).not.toMatch(/SECURITY WARNING|sslmode/);
    } finally {
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
    }
  }

  it('connects with sslmode=verify-full&sslrootcert=<CA file>, every session encrypted', async () => {
    await expectEncryptedService(
      await spawnService({ DATABASE_URL: url('localhost', `sslmode=verify-full&sslrootcert=${certs.ca}`) }, 60000),
    );
  }, 90000);

  it('connects with sslmode=require and the CA in NODE_EXTRA_CA_CERTS, without the security warning', async () => {
    await expectEncryptedService(
      await spawnService({ DATABASE_URL: url('localhost', 'sslmode=require'), NODE_EXTRA_CA_CERTS: certs.ca }, 60000),
    );
  }, 90000);

  it('refuses an untrusted certificate at once, naming the connection and both fixes', async () => {
    const service = await launchService({ DATABASE_URL: url('localhost', 'sslmode=verify-full'), LOG_LEVEL: 'fatal' });
    expect(await service.exited).toBe(1);
    const lines = service.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /DATABASE_URL \(localhost:\d+\/dino_tls_test\): the database server's TLS certificate is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE/,
    );
    expect(lines[0]).toMatch(/sslrootcert=\/path\/to\/ca\.pem .*NODE_EXTRA_CA_CERTS=\/path\/to\/ca\.pem/);
    expect(lines[0]).toMatch(/^Dino Wallet failed to start: /);
  }, 60000);

  it('refuses a certificate that does not name the host it was reached by', async () => {
    const service = await launchService({
      DATABASE_URL: url('127.0.0.1', `sslmode=verify-full&sslrootcert=${certs.ca}`),
      LOG_LEVEL: 'fatal',
    });
    expect(await service.exited).toBe(1);
    expect(service.output().trim()).toMatch(
      /DATABASE_URL \(127\.0\.0\.1:\d+\/dino_tls_test\): the database server's TLS certificate does not name the host "127\.0\.0\.1"/,
    );
  }, 60000);
});
