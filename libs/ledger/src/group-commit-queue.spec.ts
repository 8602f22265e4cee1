import { GroupCommitQueue, QueueClosedError, QueueFullError, Settled } from './group-commit-queue';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe(GroupCommitQueue.name, () => {
  it('sends what arrives in one turn as one batch and settles each item on its own', async () => {
    const batches: number[][] = [];
    const queue = new GroupCommitQueue<number, string>({
      maxBatchSize: 100,
      maxQueue: 100,
      concurrency: 1,
      run: async (items) => {
        batches.push([...items]);
        return items.map((i): Settled<string> =>
          i % 2 ? { ok: true, value: `ok ${i}` } : { ok: false, error: new Error(`no ${i}`) },
        );
      },
    });
    const results = await Promise.allSettled([1, 2, 3].map((i) => queue.submit(i)));
    expect(batches).toEqual([[1, 2, 3]]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('groups items that arrive while a batch runs into the next batch, up to the batch size', async () => {
    const gate = deferred<void>();
    const batches: number[][] = [];
    const queue = new GroupCommitQueue<number, number>({
      maxBatchSize: 3,
      maxQueue: 100,
      concurrency: 1,
      run: async (items) => {
        batches.push([...items]);
        if (batches.length === 1) await gate.promise;
        return items.map((value) => ({ ok: true, value }));
      },
    });
    const first = queue.submit(0);
    await new Promise((r) => setImmediate(r));
    const rest = [1, 2, 3, 4, 5, 6, 7].map((i) => queue.submit(i));
    gate.resolve();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[0], [1, 2, 3], [4, 5, 6], [7]]);
  });

  it('refuses items beyond maxQueue (back-pressure) and after close, and drains on close', async () => {
    const gate = deferred<void>();
    const queue = new GroupCommitQueue<number, number>({
      maxBatchSize: 1,
      maxQueue: 2,
      concurrency: 1,
      run: async (items) => {
        await gate.promise;
        return items.map((value) => ({ ok: true, value }));
      },
    });
    const accepted = [queue.submit(1), queue.submit(2)];
    await expect(queue.submit(3)).rejects.toBeInstanceOf(QueueFullError);
    const closed = queue.close();
    await expect(queue.submit(4)).rejects.toBeInstanceOf(QueueClosedError);
    gate.resolve();
    await expect(Promise.all(accepted)).resolves.toEqual([1, 2]);
    await closed;
  });

  it('fails every item of a batch whose run throws', async () => {
    const queue = new GroupCommitQueue<number, number>({
      maxBatchSize: 10,
      maxQueue: 10,
      concurrency: 2,
      run: async () => {
        throw new Error('boom');
      },
    });
    await expect(Promise.allSettled([queue.submit(1), queue.submit(2)])).resolves.toEqual([
      { status: 'rejected', reason: new Error('boom') },
      { status: 'rejected', reason: new Error('boom') },
    ]);
  });
  it('starts the next batch beside one that has stalled (waiting for a lock), not before', async () => {
    const stuck = deferred<void>();
    const started: Array<{ items: number[]; at: number }> = [];
    const t0 = Date.now();
    const queue = new GroupCommitQueue<number, number>({
      maxBatchSize: 100,
      maxQueue: 100,
      concurrency: 1,
      stalledAfterMs: 60,
      run: async (items) => {
        started.push({ items: [...items], at: Date.now() - t0 });
        if (items.includes(1)) await stuck.promise;
        return items.map((value) => ({ ok: true, value }));
      },
    });
    const first = queue.submit(1);
    await new Promise((r) => setTimeout(r, 10));
    const second = queue.submit(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(started.map((s) => s.items)).toEqual([[1]]); // the first is not stalled yet: the second waits
    expect(await second).toBe(2); // then goes on without it
    expect(started.map((s) => s.items)).toEqual([[1], [2]]);
    expect(started[1].at).toBeGreaterThanOrEqual(55);
    stuck.resolve();
    expect(await first).toBe(1);
    await queue.close();
  });
});
