import { randomUUID } from 'node:crypto';
import { ScenarioResult } from './report';

// autocannon ships no types; this is the part of its API the bench uses.
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface CannonResult {
  duration: number;
  requests: { total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Cannon = (
  options: {
    url: string;
    connections: number;
    duration: number;
    pipelining?: number;
    timeout?: number;
    requests: Array<CannonRequest & { setupRequest?: (req: CannonRequest) => CannonRequest }>;
  },
  done: (error: unknown, result: CannonResult) => void,
) => { on(event: 'tick', listener: (counter: { counter: number }) => void): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Cannon;

export interface Scenario {
  readonly name: string;
  /** Builds the next request; called for every request autocannon sends. */
  readonly next: () => CannonRequest;
}

const json = { 'content-type': 'application/json' };

/**
 * The HTTP workloads of the bench, over `users` (random user per request, unique keys), every request
 * authenticated with `secret` (an API key: the path every game server takes).
 */
export function scenarios(users: readonly string[], secret: string): Scenario[] {
  const pick = () => users[Math.floor(Math.random() * users.length)];
  const authorization = `Bearer ${secret}`;
  const write = (path: string, body: Record<string, unknown>): CannonRequest => ({
    method: 'POST',
    path,
    headers: { ...json, authorization, 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  return [
    {
      name: 'hot top-ups (HTTP)',
      next: () => write('/v1/topup', { userId: pick(), assetCode: 'GOLD', amount: 1 + Math.floor(Math.random() * 100) }),
    },
    {
      name: 'hot spends (HTTP)',
      next: () => write('/v1/spend', { userId: pick(), assetCode: 'GOLD', amount: 1 + Math.floor(Math.random() * 10) }),
    },
    {
      name: 'transfers (HTTP)',
      next: () => {
        const from = pick();
        let to = pick();
        while (to === from) to = pick();
        return write('/v1/transfers', {
          fromUserId: from,
          toUserId: to,
          assetCode: 'GOLD',
          amount: 1 + Math.floor(Math.random() * 10),
        });
      },
    },
    {
      name: 'balance reads (HTTP)',
      next: () => ({ method: 'GET', path: `/v1/users/${pick()}/balances`, headers: { authorization } }),
    },
  ];
}

/** Runs one scenario with autocannon and reports throughput, latency and every non-2xx as an error. */
export function runHttp(
  url: string,
  scenario: Scenario,
  seconds: number,
  connections: number,
  onTick?: (done: number) => void,
): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 10,
        requests: [{ setupRequest: () => scenario.next() }],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        resolve({
          name: scenario.name,
          kind: 'http',
          throughput: result.requests.total / result.duration,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx,
          requests: result.requests.total,
        });
      },
    );
    instance.on('tick', () => onTick?.(++sent));
  });
}
