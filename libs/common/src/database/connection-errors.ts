import { databaseErrorCode, isDatabaseUnavailableError } from '../errors/database-errors';

/** Which configured connection failed: the names an operator sets. */
export type ConnectionLabel = 'DATABASE_URL' | 'MIGRATION_DATABASE_URL';

const UNTRUSTED_CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/**
 * A failure to reach or use a configured database connection, with a one-line message that names
 * the connection (its variable, host, port and database — never the password) and, for
 * configuration mistakes, the fix. `code` and `cause` are the driver's, so the error classifies as
 * the original did (a refused connection stays "unavailable", and is retried at start-up).
 */
export class DatabaseConnectionError extends Error {
  override readonly name = 'DatabaseConnectionError';
  readonly code?: string;

  constructor(
    readonly label: ConnectionLabel,
    url: string,
    override readonly cause: unknown,
  ) {
    super(`${label} (${whereOf(url)}): ${explain(cause, label, url)}`);
    this.code = databaseErrorCode(cause);
  }

  /**
   * A mistake in the configuration or the database's set-up, which waiting will not mend (unlike
   * an unreachable or starting database): start-up stops at once with this message.
   */
  get isConfigurationProblem(): boolean {
    return !isDatabaseUnavailableError(this.cause) || refusedStartupParameter(this.cause);
  }
}

/** Runs `work`, naming the connection in any error it throws. */
export async function onConnection<T>(label: ConnectionLabel, url: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof DatabaseConnectionError ? error : new DatabaseConnectionError(label, url, error);
  }
}

/** `host:port/database` of a connection URL: no user, no password. */
export function whereOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || u.searchParams.get('host') || 'localhost'}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an unparsable URL';
  }
}

function explain(error: unknown, label: ConnectionLabel, url: string): string {
  const code = databaseErrorCode(error) ?? '';
  const message = error instanceof Error ? error.message : String(error);
  const host = hostOf(url);
  if (UNTRUSTED_CERTIFICATE.has(code)) {
    return (
      `the database server's TLS certificate is not trusted (${code}: ${message}). Trust the CA that signed it: ` +
      `add sslrootcert=/path/to/ca.pem to ${label} (with sslmode=verify-full), or set NODE_EXTRA_CA_CERTS=/path/to/ca.pem`
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `the database server's TLS certificate does not name the host "${host}" (${message}). Connect by a name the certificate lists`;
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return `the database server's TLS certificate is not valid now (${code}: ${message})`;
  }
  if (message === 'The server does not support SSL connections') {
    return `the database server does not accept TLS connections, but the URL's sslmode asks for TLS. Enable ssl on the server, or use sslmode=disable on a trusted network`;
  }
  if (refusedStartupParameter(error)) {
    return (
      `the server refused a startup parameter (${message}): this is a connection pooler such as PgBouncer in transaction mode. ` +
      `Set DATABASE_POOLER=transaction (no startup parameters, no named prepared statements)`
    );
  }
  if (code === '28P01' || code === '28000') return `the database refused the credentials (${code}: ${message})`;
  if (code === '3D000') return `the database does not exist (${message})`;
  if (code === '42501')
    return `permission denied (${message}); migrations need the role that owns the tables (MIGRATION_DATABASE_URL)`;
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

function refusedStartupParameter(error: unknown): boolean {
  return error instanceof Error && /unsupported startup parameter/i.test(error.message);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '?';
  }
}
