import { InProcessWindows } from './in-process-windows';

describe('InProcessWindows', () => {
  it('allows `limit` requests per window, then refuses until the window ends, with what the headers say', () => {
    const windows = new InProcessWindows(1000);
    const t0 = 1_000_000;
    const decisions = Array.from({ length: 4 }, (_, i) => windows.consume('key', 3, t0 + i));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions.every((d) => d.limit === 3 && d.resetSeconds === 1)).toBe(true);
    // The window opened at the first request: still closed just before its end, open again at it.
    expect(windows.consume('key', 3, t0 + 999).allowed).toBe(false);
    expect(windows.consume('key', 3, t0 + 1000)).toEqual({ allowed: true, limit: 3, remaining: 2, resetSeconds: 1 });
  });

  it('counts each key on its own', () => {
    const windows = new InProcessWindows(1000);
    expect(windows.consume('a', 1, 0).allowed).toBe(true);
    expect(windows.consume('a', 1, 1).allowed).toBe(false);
    expect(windows.consume('b', 1, 2).allowed).toBe(true);
  });

  it('says how many whole seconds are left of a longer window', () => {
    const windows = new InProcessWindows(60_000);
    expect(windows.consume('k', 5, 0).resetSeconds).toBe(60);
    expect(windows.consume('k', 5, 30_500).resetSeconds).toBe(30);
    expect(windows.consume('k', 5, 59_999).resetSeconds).toBe(1);
  });
});
