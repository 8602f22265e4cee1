import { Injectable } from '@nestjs/common';
import { DatabaseFaultMonitor } from './database-fault-monitor';
import { DatabaseHealthRepository } from './database-health.repository';

/** What readiness reports about the database: up with the ping's time, or down with a generic message. */
export type DatabaseHealth =
  { readonly up: true; readonly responseTime: number } | { readonly up: false; readonly message: string };

/**
 * The database half of readiness: SELECT 1 with a short timeout, and no protocol faults seen lately
 * (SELECT 1 still works when every prepared statement fails). The down messages are generic on
 * purpose: the driver's own message names the database's address, which stays out of response bodies.
 */
@Injectable()
export class DatabaseHealthService {
  constructor(
    private readonly repository: DatabaseHealthRepository,
    private readonly faults: DatabaseFaultMonitor,
  ) {}

  async check(timeoutMs: number): Promise<DatabaseHealth> {
    const faults = this.faults.recent();
    if (faults.count > 0) {
      return { up: false, message: `${faults.count} statement(s) failed with database protocol errors in the last 30 s` };
    }
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      const outcome = await Promise.race([this.repository.ping(), timeout]);
      if (outcome === 'timeout') return { up: false, message: `no answer within ${timeoutMs} ms` };
      return { up: true, responseTime: Date.now() - started };
    } catch {
      return { up: false, message: 'database unreachable' };
    } finally {
      clearTimeout(timer);
    }
  }
}
