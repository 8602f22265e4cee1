import { ConfigurationError, loadAppConfig } from './environment';

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
    });
    expect(config.database).toMatchObject({ pooler: 'transaction', migrationUrl: 'postgres://owner:p@db:5432/w', migrationStatementTimeoutMs: 0 });
  });

  it('reads and converts values', () => {
    const config = loadAppConfig({ PORT: '8080', DB_AUTO_SETUP: 'false', DATABASE_URL: 'postgres://u:p@db:5432/w?sslmode=require' });
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
    [{ DATABASE_POOLER: 'session' }, /DATABASE_POOLER/],
    [{ DATABASE_URL: 'postgres://u@h/d', MIGRATION_DATABASE_URL: 'mysql://x@y/z' }, /MIGRATION_DATABASE_URL must use the postgres/],
    [{ MIGRATION_DATABASE_URL: 'postgres://u@h/d' }, /MIGRATION_DATABASE_URL needs DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://u@h/d?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem' }, /sslrootcert=\/nonexistent\/ca.pem, which does not exist/],
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

  it('never echoes a database password', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'postgres://u:s3cret@h/d?sslmode=bogus' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') }),
    );
  });
});
