import { UsersService, WalletQueriesService } from '@app/wallets';
import { INestApplication, Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The header a write's idempotency key travels in (API.md). */
const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Values from the running instance for the examples of /docs (the seeded users, a real transaction). */
export interface LiveExamples {
  readonly aliceId?: string;
  readonly bobId?: string;
  readonly transactionId?: string;
}

/** Reads the examples from the database; anything missing (a database that is down, say) keeps the placeholder. */
export async function readLiveExamples(app: INestApplication): Promise<LiveExamples> {
  try {
    const users = app.get(UsersService);
    const [alice, bob] = await Promise.all([users.findByUsername('alice'), users.findByUsername('bob')]);
    const history = alice ? await app.get(WalletQueriesService).history(alice.id, { limit: 1 }) : undefined;
    return { aliceId: alice?.id, bobId: bob?.id, transactionId: history?.data[0]?.id };
  } catch (error) {
    new Logger('Docs').debug(`examples from the database unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}

/**
 * The document /docs shows, so that "Try it out" works on the first click: ids are the running
 * instance's (alice, bob, a real transaction), each write's body is a ready example without a
 * fixed idempotency key, and no header is pre-filled (the page's request interceptor sends a fresh
 * key; see {@link docsRequestInterceptor}). The document served at /openapi.json is not changed.
 */
export function documentForDocsPage(document: OpenAPIObject, live: LiveExamples, unique: string): OpenAPIObject {
  const copy = structuredClone(document);
  const ids: Record<string, string | undefined> = {
    userId: live.aliceId,
    fromUserId: live.aliceId,
    toUserId: live.bobId,
    transactionId: live.transactionId,
  };
  for (const item of Object.values(copy.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!operation) continue;
      for (const parameter of operation.parameters ?? []) {
        if ('$ref' in parameter) continue;
        if (parameter.in === 'header') delete parameter.example;
        if (parameter.in === 'header' && parameter.name === IDEMPOTENCY_HEADER) {
          parameter.description = `${parameter.description ?? ''} On this page: leave it empty and every Execute sends a fresh key (\`docs-…\`); type one to see a replay.`;
        } else if (parameter.in === 'path' && ids[parameter.name]) parameter.example = ids[parameter.name];
      }
      const media =
        operation.requestBody && !('$ref' in operation.requestBody)
          ? operation.requestBody.content['application/json']
          : undefined;
      if (!media) continue;
      const rewrite = (value: unknown) => liveBody(value, live, unique);
      for (const named of Object.values(media.examples ?? {})) {
        if ('$ref' in named) continue;
        if (typeof named.value === 'object' && named.value !== null && 'idempotencyKey' in named.value) {
          named.summary = `${named.summary ?? 'Example'} (here the page sends a fresh key in the header)`;
        }
        named.value = rewrite(named.value);
      }
      if (media.example !== undefined) media.example = rewrite(media.example);
      else if (!media.examples) media.example = bodyExample(operation.operationId, live, unique);
    }
  }
  // "Try it out" goes to the instance serving the page, whatever its port.
  copy.servers = [
    ...(copy.servers ?? []).filter((server) => server.url === '/'),
    ...(copy.servers ?? []).filter((server) => server.url !== '/'),
  ];
  const requestId = copy.components?.parameters?.RequestId;
  if (requestId && !('$ref' in requestId)) delete requestId.example;
  return copy;
}

/** A documented body example with this instance's users in it, a unique username, and no idempotency key. */
function liveBody(value: unknown, live: LiveExamples, unique: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { idempotencyKey: _fixedKey, ...body } = value as Record<string, unknown>;
  if ('userId' in body && live.aliceId) body.userId = live.aliceId;
  if ('fromUserId' in body && live.aliceId) body.fromUserId = live.aliceId;
  if ('toUserId' in body && live.bobId) body.toUserId = live.bobId;
  if ('username' in body) body.username = `player_${unique}`;
  return body;
}

function bodyExample(operationId: string | undefined, live: LiveExamples, unique: string): object | undefined {
  const alice = live.aliceId ?? '<id of a user: GET /v1/users?username=alice>';
  const bob = live.bobId ?? '<id of another user: GET /v1/users?username=bob>';
  switch (operationId) {
    case 'createUser':
      return { username: `player_${unique}` };
    case 'topUp':
      return { userId: alice, assetCode: 'GOLD', amount: '100', description: 'Starter pack' };
    case 'spend':
      return { userId: alice, assetCode: 'GOLD', amount: '30', description: 'Dragon egg' };
    case 'grantBonus':
      return { userId: alice, assetCode: 'GOLD', amount: '10', description: 'Daily login' };
    case 'createTransfer':
      return { fromUserId: alice, toUserId: bob, assetCode: 'GOLD', amount: '5', description: 'Gift' };
    default:
      return undefined;
  }
}

/**
 * Swagger UI's request interceptor, as source: a POST to a path that takes an idempotency key gets
 * a fresh one when the user typed none (header or body), so every "Execute" is a new write and
 * never a 422 `IDEMPOTENCY_KEY_REUSED`; a key typed by hand is kept (to see a replay).
 * Swagger UI serialises it with `toString()`, so it is built here with the path patterns inlined.
 */
export function docsRequestInterceptor(document: OpenAPIObject): (request: unknown) => unknown {
  const patterns = Object.entries(document.paths)
    .filter(([, item]) => (item.post?.parameters ?? []).some((p) => !('$ref' in p) && p.name === IDEMPOTENCY_HEADER))
    .map(([path]) => `^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  const body = `
    var writes = ${JSON.stringify(patterns)};
    var path = new URL(request.url, window.location.href).pathname;
    if (String(request.method).toUpperCase() !== 'POST' || !writes.some(function (p) { return new RegExp(p).test(path); })) return request;
    var given = request.headers['${IDEMPOTENCY_HEADER}'];
    var inBody = false;
    try { inBody = typeof request.body === 'string' && !!JSON.parse(request.body).idempotencyKey; } catch (e) { inBody = false; }
    if (!given && !inBody) {
      var c = window.crypto;
      request.headers['${IDEMPOTENCY_HEADER}'] = 'docs-' + (c && c.randomUUID ? c.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2));
    }
    return request;`;
  return new Function('request', body) as (request: unknown) => unknown;
}
