export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export interface GroupCommitOptions<In, Out> {
  /** Most items handed to one `run`. */
  readonly maxBatchSize: number;
  /** Most items waiting; `submit` refuses beyond it (back-pressure). */
  readonly maxQueue: number;
  /** Batches running at once. Two let one batch prepare while the other holds its locks. */
  readonly concurrency: number;
  /** Processes a batch and settles every item, in input order. */
  readonly run: (items: readonly In[]) => Promise<ReadonlyArray<Settled<Out>>>;
  readonly onQueueDepth?: (depth: number) => void;
}

export class QueueFullError extends Error {}
export class QueueClosedError extends Error {}

/**
 * Group commit: items submitted while a batch is running wait and go together in the next one, so
 * the batch size follows the load (one item when idle, hundreds under pressure) with no timer and
 * no added latency. Each item still gets its own outcome.
 */
export class GroupCommitQueue<In, Out> {
  private queue: Array<{ item: In; resolve: (v: Out) => void; reject: (e: unknown) => void }> = [];
  private active = 0;
  private scheduled = false;
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
    if (this.active === 0 && this.queue.length === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.active < this.options.concurrency && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatchSize);
      this.options.onQueueDepth?.(this.queue.length);
      this.active++;
      void this.runBatch(batch).finally(() => {
        this.active--;
        if (this.queue.length > 0) this.pump();
        else if (this.active === 0) this.idle.splice(0).forEach((resolve) => resolve());
      });
    }
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
