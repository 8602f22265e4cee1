import { authHeaders } from './auth';

/**
 * A small fetch-based client for load and fault tests, where supertest's per-request agent is in
 * the way: it talks to any base URL (several service processes), can abort a request after a
 * timeout, and reports how long each request took.
 */
export interface JsonResponse {
  readonly status: number;
  readonly text: string;
  /** The parsed body, or `{}` when it is not JSON. */
  readonly body: Record<string, unknown>;
  /** `Idempotent-Replayed: true` was set. */
  readonly replayed: boolean;
  readonly contentType: string;
  readonly ms: number;
}

export interface RequestOptions {
  readonly key?: string;
  /** The credential to send (the test master key by default); `null` sends none. */
  readonly secret?: string | null;
  /** Abort the request after this many milliseconds (the promise then rejects). */
  readonly timeoutMs?: number;
}

export function postJson(baseUrl: string, path: string, body: unknown, options: RequestOptions = {}): Promise<JsonResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...credential(options) };
  if (options.key !== undefined) headers['idempotency-key'] = options.key;
  return call(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }, options.timeoutMs);
}

export function getJson(baseUrl: string, path: string, options: RequestOptions = {}): Promise<JsonResponse> {
  return call(`${baseUrl}${path}`, { method: 'GET', headers: credential(options) }, options.timeoutMs);
}

let defaultSecret: string | undefined;

/** The credential requests carry when they name none (the test master key unless set): for drivers of running services. */
export function useDefaultSecret(secret: string | undefined): void {
  defaultSecret = secret;
}

function credential(options: RequestOptions): Record<string, string> {
  return options.secret === null ? {} : authHeaders(options.secret ?? defaultSecret);
}

/** True when the error is the abort of a request by its timeout (not a refused connection). */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

async function call(url: string, init: RequestInit, timeoutMs: number | undefined): Promise<JsonResponse> {
  const started = performance.now();
  const signal = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  const res = await fetch(url, { ...init, signal });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: keep the text only
  }
  return {
    status: res.status,
    text,
    body,
    replayed: res.headers.get('idempotent-replayed') === 'true',
    contentType: res.headers.get('content-type') ?? '',
    ms: performance.now() - started,
  };
}

/** Runs `work` over `items` with at most `width` calls in flight. */
export async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded PRNG (mulberry32), so that a failing load can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Polls `probe` every `everyMs` until it returns a value other than undefined; throws after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
