import { DatabaseConnectionError, whereOf } from './connection-errors';
import { normalizeSslMode } from './data-source-options';

const error = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe(DatabaseConnectionError.name, () => {
  const url = 'postgres://app:s3cret@db.internal:6432/wallet?sslmode=verify-full';

  it.each([
    [
      error('unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
      /TLS certificate is not trusted .*sslrootcert=\/path\/to\/ca\.pem to DATABASE_URL .*NODE_EXTRA_CA_CERTS/,
    ],
    [error('self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN'), /TLS certificate is not trusted/],
    [
      error("Hostname/IP does not match certificate's altnames", 'ERR_TLS_CERT_ALTNAME_INVALID'),
      /does not name the host "db\.internal"/,
    ],
    [error('The server does not support SSL connections'), /does not accept TLS connections/],
    [
      error('unsupported startup parameter: lock_timeout', '08P01'),
      /refused a startup parameter .*Set DATABASE_POOLER=transaction/,
    ],
    [error('password authentication failed for user "app"', '28P01'), /refused the credentials \(28P01/],
    [error('database "wallet" does not exist', '3D000'), /the database does not exist/],
  ])('explains %s on one line that names the connection, not its password', (cause, explanation) => {
    const wrapped = new DatabaseConnectionError('DATABASE_URL', url, cause);
    expect(wrapped.message).toMatch(/^DATABASE_URL \(db\.internal:6432\/wallet\): /);
    expect(wrapped.message).toMatch(explanation);
    expect(wrapped.message).not.toContain('s3cret');
    expect(wrapped.message).not.toContain('\n');
    expect(wrapped.isConfigurationProblem).toBe(true);
  });

  it('keeps an unreachable database retryable, with the driver code', () => {
    const wrapped = new DatabaseConnectionError(
      'MIGRATION_DATABASE_URL',
      url,
      error('connect ECONNREFUSED 10.0.0.5:6432', 'ECONNREFUSED'),
    );
    expect(wrapped).toMatchObject({ code: 'ECONNREFUSED', isConfigurationProblem: false });
    expect(wrapped.message).toBe('MIGRATION_DATABASE_URL (db.internal:6432/wallet): connect ECONNREFUSED 10.0.0.5:6432');
  });

  it('describes where a URL points without its credentials', () => {
    expect(whereOf('postgres://u:p@h/d')).toBe('h:5432/d');
    expect(whereOf('nonsense')).toBe('an unparsable URL');
  });
});

describe(normalizeSslMode.name, () => {
  it.each([
    ['postgres://h/d?sslmode=require', 'postgres://h/d?sslmode=verify-full'],
    ['postgres://h/d?sslmode=prefer&sslrootcert=/ca.pem', 'postgres://h/d?sslmode=verify-full&sslrootcert=/ca.pem'],
    ['postgres://h/d?sslrootcert=/ca.pem&sslmode=verify-ca', 'postgres://h/d?sslrootcert=/ca.pem&sslmode=verify-full'],
    ['postgres://h/d?sslmode=no-verify', 'postgres://h/d?sslmode=no-verify'],
    ['postgres://h/d?sslmode=disable', 'postgres://h/d?sslmode=disable'],
    ['postgres://h/d', 'postgres://h/d'],
  ])('passes %s to node-postgres as %s (the behaviour it has anyway, without its warning)', (given, passed) => {
    expect(normalizeSslMode(given)).toBe(passed);
  });
});
