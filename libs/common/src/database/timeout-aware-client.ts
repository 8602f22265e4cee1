import { Client, ClientConfig } from 'pg';

export const QUERY_READ_TIMEOUT = 'Query read timeout';

interface Writable {
  cork(): void;
  uncork(): void;
  destroy(): void;
}

/** Options of the pool's connection class beyond node-postgres's own (passed through the pool). */
export interface DinoClientConfig extends ClientConfig {
  /** Called with every error the server sends on this connection (SQLSTATE and message). */
  readonly onServerError?: (code: string, message: string) => void;
}

/**
 * The pool's connection class, a node-postgres Client with these changes:
 *
 * - Writes are coalesced. node-postgres writes every protocol message of a query (bind, describe,
 *   execute, sync) separately, each a system call; this client corks the socket when a query is
 *   sent and uncorks it at the end of the event-loop turn, so everything sent in that turn — a
 *   whole pipelined flight of statements with its COMMIT — leaves in one write.
 * - A query whose answer never comes back (a network partition: no FIN, no RST, so the server's
 *   own statement_timeout can never be heard) fails after the client-side `query_timeout`, but
 *   node-postgres leaves the connection waiting for that answer and every later query on it would
 *   hang too: this client closes the socket then, so the pool drops the connection.
 * - Every error the server reports is shown to `onServerError` (readiness counts protocol faults).
 */
export class TimeoutAwareClient extends Client {
  private corked = false;

  constructor(config?: DinoClientConfig) {
    super(config);
    const onServerError = config?.onServerError;
    if (onServerError) {
      const connection = (this as unknown as { connection: NodeJS.EventEmitter }).connection;
      connection.on('errorMessage', (message: { code?: string; message?: string }) =>
        onServerError(message.code ?? '', message.message ?? ''),
      );
    }
  }

  override query(...args: unknown[]): never {
    this.corkUntilNextTurn();
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === QUERY_READ_TIMEOUT) this.stream()?.destroy();
      });
    }
    return result as never;
  }

  private corkUntilNextTurn(): void {
    const stream = this.stream();
    if (this.corked || !stream) return;
    this.corked = true;
    stream.cork();
    setImmediate(() => {
      this.corked = false;
      stream.uncork();
    });
  }

  private stream(): Writable | undefined {
    return (this as unknown as { connection?: { stream?: Writable } }).connection?.stream;
  }
}
