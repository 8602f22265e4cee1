import { Injectable, Logger } from '@nestjs/common';
import { isProtocolFaultCode } from '../errors/database-errors';

/** How long a protocol fault keeps the service unready after it was seen. */
export const PROTOCOL_FAULT_WINDOW_MS = 30_000;
const LOG_EVERY_MS = 10_000;

export interface ProtocolFaults {
  /** Faults seen within the window. */
  readonly count: number;
  readonly lastCode?: string;
}

/**
 * Watches every error the database sends (each pool connection reports to it) for protocol faults:
 * a named prepared statement missing or already there, a portal gone, a protocol violation. They
 * mean the connection path is wrong — typically a transaction-mode pooler in front of a service
 * not told about it — and unlike a slow or absent database, `SELECT 1` still succeeds; so
 * readiness asks this monitor too and stays 503 while faults keep coming.
 */
@Injectable()
export class DatabaseFaultMonitor {
  private readonly logger = new Logger('Database');
  private readonly seen: number[] = [];
  private lastCode?: string;
  private lastLogged = 0;

  /** Called with every server error (SQLSTATE and message); keeps the protocol faults. */
  readonly onServerError = (code: string, message: string): void => {
    if (!isProtocolFaultCode(code)) return;
    const now = Date.now();
    this.seen.push(now);
    this.lastCode = code;
    this.prune(now);
    if (now - this.lastLogged >= LOG_EVERY_MS) {
      this.lastLogged = now;
      this.logger.error(
        `database protocol fault (SQLSTATE ${code}: ${message}); the service reports not ready while they continue. ` +
          'Behind a transaction-mode pooler (PgBouncer, a pooled Neon or Supabase URL) set DATABASE_POOLER=transaction.',
      );
    }
  };

  recent(now = Date.now()): ProtocolFaults {
    this.prune(now);
    return this.seen.length === 0 ? { count: 0 } : { count: this.seen.length, lastCode: this.lastCode };
  }

  private prune(now: number): void {
    while (this.seen.length > 0 && now - this.seen[0] > PROTOCOL_FAULT_WINDOW_MS) this.seen.shift();
  }
}
