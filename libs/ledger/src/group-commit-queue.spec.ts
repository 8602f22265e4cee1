import { GroupCommitQueue, MAX_STALLED, QueueClosedError, QueueFullError, Settled } from './group-commit-queue';

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
  describe('with a batch that stalls (waits for a lock another session holds)', () => {
    beforeEach(() => jest.useFakeTimers({ now: 0 }));
    afterEach(() => jest.useRealTimers());

    it('starts the next batch beside it once it has run stalledAfterMs, not before', async () => {
      const stuck = deferred<void>();
      const started: number[][] = [];
      const queue = new GroupCommitQueue<number, number>({
        maxBatchSize: 100,
        maxQueue: 100,
        concurrency: 1,
        stalledAfterMs: 500,
        run: async (items) => {
          started.push([...items]);
          if (items.includes(1)) await stuck.promise;
          return items.map((value) => ({ ok: true, value }));
        },
      });
      const first = queue.submit(1);
      await jest.advanceTimersByTimeAsync(1);
      const second = queue.submit(2);
      await jest.advanceTimersByTimeAsync(497);
      expect(started).toEqual([[1]]); // t = 498 ms: not stalled yet, the second waits
      await jest.advanceTimersByTimeAsync(3);
      expect(started).toEqual([[1], [2]]); // t = 501 ms
      expect(await second).toBe(2);
      stuck.resolve();
      expect(await first).toBe(1);
      await queue.close();
    });

    it('runs at most MAX_STALLED stalled batches beside the counted ones', async () => {
      const stuck = deferred<void>();
      const started: number[][] = [];
      const queue = new GroupCommitQueue<number, number>({
        maxBatchSize: 100,
        maxQueue: 100,
        concurrency: 1,
        stalledAfterMs: 500,
        run: async (items) => {
          started.push([...items]);
          await stuck.promise;
          return items.map((value) => ({ ok: true, value }));
        },
      });
      const all: Array<Promise<number>> = [];
      for (let i = 1; i <= 6; i++) {
        all.push(queue.submit(i));
        await jest.advanceTimersByTimeAsync(600);
      }
      expect(started).toEqual([[1], [2], [3], [4]]); // 1 + MAX_STALLED; 5 and 6 wait together
      expect(MAX_STALLED).toBe(3);
      stuck.resolve();
      await jest.advanceTimersByTimeAsync(1);
      expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(started.at(-1)).toEqual([5, 6]);
      await queue.close();
    });
  });
});
