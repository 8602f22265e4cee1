import { Client } from 'pg';

export const QUERY_READ_TIMEOUT = 'Query read timeout';

/**
 * node-postgres's client-side `query_timeout` rejects a query whose answer does not come back (a
 * network partition: no FIN, no RST, so the server's own statement_timeout can never be heard),
 * but leaves the connection waiting for that answer: every later query on it would hang too. This
 * client closes its socket when that happens, so the pool drops the connection instead of handing
 * it out again.
 */
export class TimeoutAwareClient extends Client {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === QUERY_READ_TIMEOUT) this.destroySocket();
      });
    }
    return result as never;
  }

  private destroySocket(): void {
    (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
}
