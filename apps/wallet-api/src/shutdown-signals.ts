export type ShutdownSignal = 'SIGTERM' | 'SIGINT';

/**
 * SIGTERM/SIGINT may arrive at any moment of start-up: while the embedded PostgreSQL starts, while
 * migrations run, while Nest builds the application (Kubernetes stops pods that are still starting;
 * the worker supervisor stops workers that are still booting). Installed first thing, this holds a
 * signal until the process knows how to stop — so start-up finishes or is abandoned cleanly, the
 * embedded PostgreSQL is stopped, and the exit code is 0, instead of Node's default of dying by the
 * signal half-way through.
 */
export class ShutdownSignals {
  private handler?: (signal: ShutdownSignal) => void;
  private received?: ShutdownSignal;

  constructor() {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => this.deliver(signal));
  }

  /** The first signal received, if any. */
  get requested(): ShutdownSignal | undefined {
    return this.received;
  }

  /** From now on signals go to `handler`; one that arrived earlier is delivered at once. */
  handleWith(handler: (signal: ShutdownSignal) => void): void {
    this.handler = handler;
    if (this.received) handler(this.received);
  }

  private deliver(signal: ShutdownSignal): void {
    this.received ??= signal;
    this.handler?.(signal);
  }
}
