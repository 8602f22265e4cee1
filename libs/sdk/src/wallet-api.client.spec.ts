import { toAmountString } from './amount.js';
import { WalletApiClient } from './wallet-api.client.js';
import { isWalletApiError, UnexpectedResponseError, WalletApiError } from './wallet-api.error.js';

const TRANSACTION = {
  id: '1',
  type: 'TOPUP',
  status: 'POSTED',
  userId: 'u1',
  assetCode: 'GOLD',
  amount: '100',
  balanceAfter: '100',
  description: null,
  metadata: {},
  idempotencyKey: 'k',
  createdBy: 'master',
  createdAt: '2026-11-23T21:15:00.123Z',
  entries: [],
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  json(
    status,
    { type: `https://dino-wallet.dev/problems/${code}`, title: code, status, detail: `${code} detail`, code, ...extra },
    {
      'X-Request-Id': 'req-1',
    },
  );

/** A client over a scripted fetch that records every request it is sent. */
function clientAnswering(...responses: Array<Response | Error>) {
  const requests: Request[] = [];
  const client = new WalletApiClient({
    baseUrl: 'http://wallet.test',
    apiKey: 'dw_test',
    retryDelayMs: 0,
    newIdempotencyKey: () => `key-${requests.length + 1}`,
    fetch: async (request) => {
      requests.push(request);
      const next = responses.shift();
      if (next === undefined) throw new Error('no scripted response left');
      if (next instanceof Error) throw next;
      return next;
    },
  });
  return { client, requests };
}

describe(WalletApiClient.name, () => {
  it('sends amounts as digit strings and a fresh idempotency key per write', async () => {
    const { client, requests } = clientAnswering(json(201, TRANSACTION), json(201, TRANSACTION));
    await client.topUp({ userId: 'u1', assetCode: 'GOLD', amount: 12345678901234567890n });
    await client.topUp({ userId: 'u1', assetCode: 'GOLD', amount: 7 });

    expect(await requests[0].json()).toEqual({ userId: 'u1', assetCode: 'GOLD', amount: '12345678901234567890' });
    expect(await requests[1].json()).toEqual({ userId: 'u1', assetCode: 'GOLD', amount: '7' });
    expect(requests.map((r) => r.headers.get('Idempotency-Key'))).toEqual(['key-1', 'key-2']);
    expect(requests[0].url).toBe('http://wallet.test/v1/topup');
  });

  it('sends its API key as a bearer credential on every request, reads included', async () => {
    const { client, requests } = clientAnswering(json(201, TRANSACTION), json(200, { data: [] }));
    await client.topUp({ userId: 'u1', assetCode: 'GOLD', amount: 1 });
    await client.listAssets();
    expect(requests.map((r) => r.headers.get('Authorization'))).toEqual(['Bearer dw_test', 'Bearer dw_test']);
  });

  it("uses the caller's key and reports a replay", async () => {
    const { client, requests } = clientAnswering(json(201, TRANSACTION, { 'Idempotent-Replayed': 'true', 'X-Request-Id': 'r9' }));
    const result = await client.spend(
      { userId: 'u1', assetCode: 'GOLD', amount: '5' },
      { idempotencyKey: 'order-1', requestId: 'r9' },
    );

    expect(result).toEqual({ transaction: TRANSACTION, replayed: true, idempotencyKey: 'order-1', requestId: 'r9' });
    expect(requests[0].headers.get('Idempotency-Key')).toBe('order-1');
    expect(requests[0].headers.get('X-Request-Id')).toBe('r9');
  });

  it('retries a write with the same key after a network error, a 503 or a key in progress', async () => {
    const { client, requests } = clientAnswering(
      new TypeError('fetch failed'),
      problem(503, 'SERVICE_UNAVAILABLE'),
      json(201, TRANSACTION, { 'Idempotent-Replayed': 'true' }),
    );
    const result = await client.grantBonus({ userId: 'u1', assetCode: 'GOLD', amount: 1 });

    expect(result.replayed).toBe(true);
    expect(requests.map((r) => r.headers.get('Idempotency-Key'))).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('gives up after the configured retries with the last error', async () => {
    const { client, requests } = clientAnswering(
      problem(409, 'IDEMPOTENCY_KEY_IN_PROGRESS'),
      problem(409, 'IDEMPOTENCY_KEY_IN_PROGRESS'),
      problem(409, 'IDEMPOTENCY_KEY_IN_PROGRESS'),
    );
    const error = await client.topUp({ userId: 'u1', assetCode: 'GOLD', amount: 1 }).catch((e: unknown) => e);

    expect(isWalletApiError(error, 'IDEMPOTENCY_KEY_IN_PROGRESS')).toBe(true);
    expect(requests).toHaveLength(3);
  });

  it('never retries creating a user', async () => {
    const { client, requests } = clientAnswering(problem(503, 'SERVICE_UNAVAILABLE'));
    await expect(client.createUser('carol')).rejects.toBeInstanceOf(WalletApiError);
    expect(requests).toHaveLength(1);
  });

  it('throws problems as WalletApiError with their code, status, request id and key', async () => {
    const { client } = clientAnswering(problem(422, 'INSUFFICIENT_FUNDS', { assetCode: 'GOLD', balance: '5', required: '9' }));
    const error = await client
      .createTransfer({ fromUserId: 'a', toUserId: 'b', assetCode: 'GOLD', amount: 9 }, { idempotencyKey: 'k1' })
      .catch((e: unknown) => e);

    if (!isWalletApiError(error)) throw error;
    expect(error.is('INSUFFICIENT_FUNDS', 'LIMIT_EXCEEDED')).toBe(true);
    expect(error.is('LIMIT_EXCEEDED')).toBe(false);
    if (!error.is('INSUFFICIENT_FUNDS')) throw error;
    expect(error).toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
      status: 422,
      requestId: 'req-1',
      idempotencyKey: 'k1',
      replayed: false,
    });
    expect([error.problem.balance, error.problem.required]).toEqual(['5', '9']);
    expect(error.message).toBe('INSUFFICIENT_FUNDS: INSUFFICIENT_FUNDS detail');
  });

  it('throws UnexpectedResponseError for an error that is not a problem', async () => {
    const { client } = clientAnswering(
      new Response('<html>bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    const error = await client.getUser('u1').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 502, body: '<html>bad gateway</html>' });
  });

  it('pages through history until nextCursor is null', async () => {
    const item = { id: '1' };
    const { client, requests } = clientAnswering(
      json(200, { data: [item, item], nextCursor: 'c1' }),
      json(200, { data: [item], nextCursor: null }),
    );
    const items = [];
    for await (const i of client.iterateUserTransactions('u 1', { limit: 2, type: 'SPEND' })) items.push(i);

    expect(items).toHaveLength(3);
    expect(requests.map((r) => r.url)).toEqual([
      'http://wallet.test/v1/users/u%201/transactions?limit=2&type=SPEND',
      'http://wallet.test/v1/users/u%201/transactions?limit=2&type=SPEND&cursor=c1',
    ]);
  });
});

describe(toAmountString.name, () => {
  it('keeps every digit of a bigint or a digit string', () => {
    expect(toAmountString(10n ** 18n)).toBe('1000000000000000000');
    expect(toAmountString('42')).toBe('42');
    expect(toAmountString(42)).toBe('42');
  });

  it('refuses a number that has already lost precision', () => {
    expect(() => toAmountString(2 ** 53)).toThrow(RangeError);
    expect(() => toAmountString(1.5)).toThrow(RangeError);
  });
});
