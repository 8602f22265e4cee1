export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export interface GroupCommitOptions<In, Out> {
  /** Most items handed to one `run`. */
  readonly maxBatchSize: number;
  /** Most items waiting; `submit` refuses beyond it (back-pressure). */
  readonly maxQueue: number;
  /**
   * Batches running at once. One is the efficient number when writes share a hot row (each batch
   * waits for the previous one's lock anyway, and batches grow with the load); see `stalledAfterMs`.
   */
  readonly concurrency: number;
  /**
   * A batch running longer than this (default 500 ms; a batch takes a few ms to a few tens of ms)
   * is waiting for a row another session holds, or for a slow database: it stops counting against
   * `concurrency`, so the writes behind it go on in a new batch instead of waiting for its lock
   * timeout. At most {@link MAX_STALLED} stalled batches run beside `concurrency` others.
   */
  readonly stalledAfterMs?: number;
  /** Processes a batch and settles every item, in input order. */
  readonly run: (items: readonly In[]) => Promise<ReadonlyArray<Settled<Out>>>;
  readonly onQueueDepth?: (depth: number) => void;
}

/** The most stalled batches running beside the `concurrency` counted ones. */
export const MAX_STALLED = 3;
const DEFAULT_STALLED_AFTER_MS = 500;

export class QueueFullError extends Error {}
export class QueueClosedError extends Error {}

/**
 * Group commit: items submitted while a batch is running wait and go together in the next one, so
 * the batch size follows the load (one item when idle, hundreds under pressure) with no timer and
 * no added latency. Each item still gets its own outcome.
 */
export class GroupCommitQueue<In, Out> {
  private queue: Array<{ item: In; resolve: (v: Out) => void; reject: (e: unknown) => void }> = [];
  /** Start times (ms) of the batches running. */
  private readonly running = new Set<{ readonly startedAt: number }>();
  private scheduled = false;
  private stallTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private idle: Array<() => void> = [];

  constructor(private readonly options: GroupCommitOptions<In, Out>) {}

  get depth(): number {
    return this.queue.length;
  }

  submit(item: In): Promise<Out> {
    if (this.closed) return Promise.reject(new QueueClosedError('the queue is closed'));
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(new QueueFullError('the queue is full'));
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.options.onQueueDepth?.(this.queue.length);
      // Deferred to the end of this turn of the event loop: requests parsed in the same turn share a batch.
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Refuses new items and resolves once every accepted item has been settled. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.running.size === 0 && this.queue.length === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    const stalledAfterMs = this.options.stalledAfterMs ?? DEFAULT_STALLED_AFTER_MS;
    while (
      this.queue.length > 0 &&
      this.running.size < this.options.concurrency + MAX_STALLED &&
      this.counted(stalledAfterMs) < this.options.concurrency
    ) {
      const batch = this.queue.splice(0, this.options.maxBatchSize);
      this.options.onQueueDepth?.(this.queue.length);
      const entry = { startedAt: Date.now() };
      this.running.add(entry);
      void this.runBatch(batch).finally(() => {
        this.running.delete(entry);
        if (this.queue.length > 0) this.pump();
        else if (this.running.size === 0) this.idle.splice(0).forEach((resolve) => resolve());
      });
    }
    if (this.queue.length > 0 && this.running.size < this.options.concurrency + MAX_STALLED) this.watchForStall(stalledAfterMs);
  }

  /** Running batches that still count against `concurrency` (not stalled). */
  private counted(stalledAfterMs: number): number {
    const now = Date.now();
    let counted = 0;
    for (const { startedAt } of this.running) if (now - startedAt < stalledAfterMs) counted++;
    return counted;
  }

  /** Writes are waiting behind running batches: look again when the oldest would count as stalled. */
  private watchForStall(stalledAfterMs: number): void {
    if (this.stallTimer !== undefined) return;
    let oldest = Infinity;
    for (const { startedAt } of this.running) oldest = Math.min(oldest, startedAt);
    const wait = Math.max(1, oldest + stalledAfterMs - Date.now());
    this.stallTimer = setTimeout(() => {
      this.stallTimer = undefined;
      this.pump();
    }, wait).unref();
  }

  private async runBatch(batch: Array<{ item: In; resolve: (v: Out) => void; reject: (e: unknown) => void }>): Promise<void> {
    let results: ReadonlyArray<Settled<Out>>;
    try {
      results = await this.options.run(batch.map((b) => b.item));
    } catch (error) {
      results = batch.map(() => ({ ok: false, error }) as const);
    }
    batch.forEach((b, i) => {
      const r = results[i];
      if (r?.ok) b.resolve(r.value);
      else b.reject(r ? r.error : new Error('the batch returned no outcome for an item'));
    });
  }
}
