import { ConfigurationError, loadAppConfig } from './environment';

const SECRET = 'a-cursor-secret-of-32-characters';

describe('loadAppConfig', () => {
  it('applies defaults', () => {
    const config = loadAppConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.database.autoSetup).toBe(true);
    expect(config.idempotency.retentionHours).toBe(24);
    expect(config.database.pooler).toBe('none');
    expect(config.database.migrationUrl).toBeUndefined();
    expect(config.database.startupTimeoutMs).toBe(300000);
  });

  it('reads the pooler mode and the migration connection', () => {
    const config = loadAppConfig({
      DATABASE_URL: 'postgres://app:p@pooler:6432/w',
      DATABASE_POOLER: 'transaction',
      MIGRATION_DATABASE_URL: 'postgres://owner:p@db:5432/w',
      MIGRATION_STATEMENT_TIMEOUT_MS: '0',
      CURSOR_SECRET: SECRET,
    });
    expect(config.database).toMatchObject({
      pooler: 'transaction',
      migrationUrl: 'postgres://owner:p@db:5432/w',
      migrationStatementTimeoutMs: 0,
    });
  });

  it('reads and converts values', () => {
    const config = loadAppConfig({
      PORT: '8080',
      DB_AUTO_SETUP: 'false',
      DATABASE_URL: 'postgres://u:p@db:5432/w?sslmode=require',
      CURSOR_SECRET: SECRET,
    });
    expect(config.http.port).toBe(8080);
    expect(config.database.autoSetup).toBe(false);
    expect(config.database.url).toContain('sslmode=require');
  });

  it.each([
    [{ PORT: '-1' }, /^Invalid configuration: PORT .*-1/],
    [{ PORT: 'abc' }, /PORT/],
    [{ DATABASE_URL: 'nonsense' }, /DATABASE_URL must be a URL/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /postgres:\/\//],
    [{ DATABASE_URL: 'postgres://u@h/d?sslmode=bogus' }, /sslmode/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ IDEMPOTENCY_RETENTION_HOURS: '1' }, /IDEMPOTENCY_RETENTION_HOURS/],
    [{ DB_AUTO_SETUP: 'maybe' }, /DB_AUTO_SETUP/],
    [
      { DATABASE_URL: 'postgres://u@h/d' },
      /^Invalid configuration: CURSOR_SECRET is required when DATABASE_URL is set .*openssl rand -hex 32/,
    ],
    [{ DATABASE_URL: 'postgres://u@h/d', CURSOR_SECRET: '' }, /CURSOR_SECRET is required/],
    [{ CURSOR_SECRET: SECRET.slice(1) }, /CURSOR_SECRET must be longer than or equal to 32 characters \(got a hidden value\)/],
    [{ HTTP_HEADERS_TIMEOUT_MS: '50' }, /HTTP_HEADERS_TIMEOUT_MS/],
    [
      { HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' },
      /HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS/,
    ],
    [{ LEDGER_VERIFY_STATEMENT_TIMEOUT_MS: '0' }, /LEDGER_VERIFY_STATEMENT_TIMEOUT_MS/],
    [{ DATABASE_POOLER: 'session' }, /DATABASE_POOLER/],
    [
      { DATABASE_URL: 'postgres://u@h/d', MIGRATION_DATABASE_URL: 'mysql://x@y/z' },
      /MIGRATION_DATABASE_URL must use the postgres/,
    ],
    [{ MIGRATION_DATABASE_URL: 'postgres://u@h/d' }, /MIGRATION_DATABASE_URL needs DATABASE_URL/],
    [
      { DATABASE_URL: 'postgres://u@h/d?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem' },
      /sslrootcert=\/nonexistent\/ca.pem, which does not exist/,
    ],
  ])('refuses %p with a one-line reason', (env, message) => {
    let error: unknown;
    try {
      loadAppConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('keeps the built-in cursor key for the embedded database only, and for commands that serve nothing', () => {
    expect(loadAppConfig({}).cursorSecret.length).toBeGreaterThan(0);
    expect(loadAppConfig({ DATABASE_URL: 'postgres://u@h/d', CURSOR_SECRET: SECRET }).cursorSecret).toBe(SECRET);
    expect(loadAppConfig({ DATABASE_URL: 'postgres://u@h/d' }, { requireSecrets: false }).database.url).toBe('postgres://u@h/d');
  });

  it('has HTTP timeouts by default', () => {
    expect(loadAppConfig({}).http).toMatchObject({ headersTimeoutMs: 10000, requestTimeoutMs: 30000, keepAliveTimeoutMs: 65000 });
  });

  it('never echoes a database password', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'postgres://u:s3cret@h/d?sslmode=bogus', CURSOR_SECRET: SECRET })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') }),
    );
  });
});
