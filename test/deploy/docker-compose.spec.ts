import { loadAppConfig } from '@app/common';
import { join } from 'node:path';
import { composeValidator, describeErrors } from './support/compose-schema';
import { durationMs, interpolate, readYaml, REPO_ROOT } from './support/deploy-files';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string> | string[];
  env_file?: unknown;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  ports?: string[];
  volumes?: string[];
  stop_grace_period?: string;
  read_only?: boolean;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** What docker-compose validates: the file after interpolation (here with no variables set). */
function interpolated(value: unknown): unknown {
  if (typeof value === 'string') return interpolate(value);
  if (Array.isArray(value)) return value.map(interpolated);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolated(v)]));
  return value;
}

describe('docker-compose.yml', () => {
  const raw = readYaml<ComposeFile>(join(REPO_ROOT, 'docker-compose.yml'));
  const compose = interpolated(raw) as ComposeFile;
  const validate = composeValidator();
  const { postgres, api } = compose.services;

  it('validates against the compose specification schema', () => {
    const valid = validate(compose);
    expect(describeErrors(validate.errors)).toBe('');
    expect(valid).toBe(true);
  });

  it('has a schema check that rejects what compose would reject', () => {
    expect(validate({ services: { api: { image: 'x', healthcheck: { interval: '5s' }, ports: ['127.0.0.1:3000:3000'] } } })).toBe(
      true,
    );
    expect(validate({ services: { api: { image: 'x', restart_policy: 'always' } } })).toBe(false);
    expect(validate({ services: { api: { image: 'x', depends_on: { db: { condition: 'healthy' } } } } })).toBe(false);
    expect(validate({ services: { api: { image: 'x', healthcheck: { interval: 'PT5S' } } } })).toBe(false);
    expect(validate({ services: { api: { image: 'x', ports: ['3000:3000:3000:3000'] } } })).toBe(false);
  });

  it('runs PostgreSQL 15 on a named volume with a pg_isready healthcheck', () => {
    expect(postgres?.image).toMatch(/^postgres:15([.-]|$)/);
    const volume = postgres?.volumes?.find((v) => v.endsWith(':/var/lib/postgresql/data'));
    expect(volume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(volume?.split(':')[0]);
    expect([postgres?.healthcheck?.test].flat().join(' ')).toContain('pg_isready');
  });

  it("builds the API from docker/Dockerfile and starts it once the database and the rate limiters' Redis are healthy", () => {
    expect(api?.build).toEqual({ context: '.', dockerfile: 'docker/Dockerfile' });
    expect(api?.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect((api?.environment as Record<string, string>).REDIS_URL).toBe('redis://redis:6379');
    expect(api?.ports?.map((p) => p.split(':').at(-1))).toContain('3000');
  });

  it('configures the API through environment variables only, with values the service accepts', () => {
    expect(api?.env_file).toBeUndefined();
    const env = api?.environment;
    expect(env && !Array.isArray(env)).toBe(true);
    const config = loadAppConfig(env as Record<string, string>);
    expect(config.http.port).toBe(3000);
    expect(config.database.autoSetup).toBe(true);
    // DATABASE_URL names the postgres service with the credentials it was created with.
    const url = new URL(config.database.url ?? '');
    const db = postgres?.environment as Record<string, string>;
    expect({ host: url.hostname, user: url.username, password: url.password, database: url.pathname.slice(1) }).toEqual({
      host: 'postgres',
      user: db.POSTGRES_USER,
      password: db.POSTGRES_PASSWORD,
      database: db.POSTGRES_DB,
    });
  });

  it('keeps credentials out of the file except for obvious development defaults', () => {
    const given = raw.services.postgres?.environment as Record<string, string>;
    expect(given.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:-[^}]*dev-only[^}]*\}$/);
    // The API runs on a DATABASE_URL, so it needs a CURSOR_SECRET: a public development default, replaced from .env.
    const api = raw.services.api?.environment as Record<string, string>;
    expect(api.CURSOR_SECRET).toMatch(/^\$\{CURSOR_SECRET:-[^}]*dev-only[^}]*\}$/);
    expect(interpolate(api.CURSOR_SECRET, { CURSOR_SECRET: 'x'.repeat(64) })).toBe('x'.repeat(64));
    // Set from the shell or .env, the real values replace the defaults everywhere.
    const env = { POSTGRES_USER: 'wallet', POSTGRES_PASSWORD: 's3cret', POSTGRES_DB: 'prod' };
    const url = interpolate((raw.services.api?.environment as Record<string, string>).DATABASE_URL ?? '', env);
    expect(url).toBe('postgres://wallet:s3cret@postgres:5432/prod');
  });

  it('gives in-flight requests time to finish on stop, and runs read-only', () => {
    const env = api?.environment as Record<string, string>;
    expect(durationMs(api?.stop_grace_period ?? '10s')).toBeGreaterThan(Number(env.SHUTDOWN_GRACE_MS ?? 20000));
    expect(api?.read_only).toBe(true);
  });
});
