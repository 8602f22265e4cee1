import { Context, createContext, Script } from 'node:vm';
import { authHeaders } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

interface SwaggerRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

interface SwaggerOptions {
  spec: {
    servers: Array<{ url: string }>;
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Array<{ name?: string; in?: string; example?: unknown; $ref?: string }>;
          requestBody?: {
            content: Record<
              string,
              { example?: Record<string, unknown>; examples?: Record<string, { value: Record<string, unknown> }> }
            >;
          };
        }
      >
    >;
  };
  requestInterceptor(request: SwaggerRequest): SwaggerRequest;
  persistAuthorization: boolean;
}

/**
 * What the /docs page runs: its init script evaluated as the browser would (a window, a
 * SwaggerUIBundle that records its options), so the examples and the request interceptor of
 * "Try it out" are checked against the running service without a browser.
 */
async function loadDocsPage(url: string): Promise<{ options: SwaggerOptions; context: Context }> {
  const script = await (await fetch(`${url}/docs/swagger-ui-init.js`)).text();
  let options: SwaggerOptions | undefined;
  const window: { location: { search: string; origin: string; href: string }; crypto: Crypto; onload?: () => void } = {
    location: { search: '', origin: url, href: `${url}/docs` },
    crypto: globalThis.crypto,
  };
  const SwaggerUIBundle = Object.assign((given: SwaggerOptions) => ((options = given), { initOAuth: () => undefined }), {
    presets: { apis: {} },
    plugins: { DownloadUrl: {} },
  });
  const context = createContext({ window, SwaggerUIBundle, SwaggerUIStandalonePreset: {}, URL, JSON });
  new Script(script).runInContext(context);
  window.onload?.();
  if (!options) throw new Error('the init script did not start Swagger UI');
  return { options, context };
}

/** Sends a request the way Swagger UI does after its interceptor ran. */
async function execute(options: SwaggerOptions, request: SwaggerRequest): Promise<Response> {
  const sent = options.requestInterceptor({ ...request, headers: { ...request.headers } });
  return fetch(sent.url, { method: sent.method, headers: sent.headers, body: sent.body });
}

describe('The /docs page', () => {
  let t: TestApp;
  let aliceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const found = (await (await fetch(`${t.url}/v1/users?username=alice`, { headers: authHeaders() })).json()) as {
      data: Array<{ id: string }>;
    };
    aliceId = found.data[0].id;
  });
  afterAll(() => t.close());

  it('GET / redirects to /docs', async () => {
    const res = await fetch(`${t.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/docs');
  });

  it("builds its examples from the running instance: alice's real id, ready write bodies, no fixed key or request id", async () => {
    const { options } = await loadDocsPage(t.url);
    // What Swagger UI pre-fills: parameter examples and request body examples.
    const operations = Object.values(options.spec.paths).flatMap((item) => Object.values(item));
    const parameters = operations.flatMap((op) => op.parameters ?? []).filter((p) => !p.$ref);
    expect(parameters.filter((p) => p.in === 'header' && p.example !== undefined)).toEqual([]); // no fixed key, no fixed X-Request-Id
    expect(new Set(parameters.filter((p) => p.name === 'userId').map((p) => p.example))).toEqual(new Set([aliceId]));
    const media = operations.map((op) => op.requestBody?.content['application/json']).filter((m) => m !== undefined);
    const bodies = media.flatMap((m) => [
      ...(m.example ? [m.example] : []),
      ...Object.values(m.examples ?? {}).map((e) => e.value),
    ]);
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    expect(bodies.filter((b) => 'idempotencyKey' in b)).toEqual([]);
    expect(bodies.filter((b) => 'userId' in b && b.userId !== aliceId)).toEqual([]);
    expect(bodies.filter((b) => 'username' in b && !/^player_/.test(String(b.username)))).toEqual([]);
    const balances = options.spec.paths['/v1/users/{userId}/balances'].get;
    expect(balances.parameters?.find((p) => p.name === 'userId')?.example).toBe(aliceId);
    const topUp = options.spec.paths['/v1/topup'].post.requestBody?.content['application/json'];
    expect(Object.values(topUp?.examples ?? {})[0].value).toMatchObject({ userId: aliceId, assetCode: 'GOLD', amount: 100 });
    expect(options.persistAuthorization).toBe(true);
    expect(options.spec.servers[0].url).toBe('/'); // "Try it out" goes to this instance, whatever its port
    // The document at /openapi.json stays the committed one.
    const served = await (await fetch(`${t.url}/openapi.json`)).text();
    expect(served).toContain('order-7781');
  });

  it('"Try it out" twice with the example body: two top-ups, each with a fresh idempotency key', async () => {
    const { options } = await loadDocsPage(t.url);
    // Swagger UI fills the body with the first of the named examples.
    const body = JSON.stringify(
      Object.values(options.spec.paths['/v1/topup'].post.requestBody?.content['application/json'].examples ?? {})[0].value,
    );
    const tries = [];
    for (let i = 0; i < 2; i++) {
      const res = await execute(options, {
        method: 'POST',
        url: `${t.url}/v1/topup`,
        headers: { 'Content-Type': 'application/json', ...authHeaders() },
        body,
      });
      tries.push({
        status: res.status,
        replayed: res.headers.get('idempotent-replayed'),
        body: (await res.json()) as { idempotencyKey: string; balanceAfter: string },
      });
    }
    expect(tries.map((x) => [x.status, x.replayed])).toEqual([
      [201, null],
      [201, null],
    ]);
    expect(tries[0].body.idempotencyKey).toMatch(/^docs-/);
    expect(tries[1].body.idempotencyKey).not.toBe(tries[0].body.idempotencyKey);
    expect(tries.map((x) => x.body.balanceAfter)).toEqual(['100', '200']);
  });

  it('keeps a key typed by hand (to see a replay), and adds none to reads or to POST /v1/users', async () => {
    const { options } = await loadDocsPage(t.url);
    const typed = options.requestInterceptor({
      method: 'POST',
      url: `${t.url}/v1/spend`,
      headers: { 'Idempotency-Key': 'my-key' },
      body: '{}',
    });
    expect(typed.headers['Idempotency-Key']).toBe('my-key');
    const inBody = options.requestInterceptor({
      method: 'POST',
      url: `${t.url}/v1/spend`,
      headers: {},
      body: JSON.stringify({ idempotencyKey: 'k1' }),
    });
    expect(inBody.headers).toEqual({});
    const read = options.requestInterceptor({ method: 'GET', url: `${t.url}/v1/users/${aliceId}/balances`, headers: {} });
    expect(read.headers).toEqual({});
    const signUp = options.requestInterceptor({ method: 'POST', url: `${t.url}/v1/users`, headers: {}, body: '{}' });
    expect(signUp.headers).toEqual({});
    const transfer = options.requestInterceptor({ method: 'POST', url: `${t.url}/v1/transfers`, headers: {}, body: '{}' });
    expect(transfer.headers['Idempotency-Key']).toMatch(/^docs-[0-9a-f-]{36}$/);
  });
});
