import { randomUUID } from 'node:crypto';
import { authedRequest } from './auth';

export interface TestApiKey {
  readonly id: string;
  readonly secret: string;
  readonly scopes: readonly string[];
}

/** Makes an API key with these scopes through the API, as the master key. */
export async function createApiKey(
  url: string,
  scopes: readonly string[],
  extra: { name?: string; expiresAt?: string; rateLimitPerSecond?: number } = {},
): Promise<TestApiKey> {
  const res = await authedRequest(url)
    .post('/v1/api-keys')
    .send({ name: extra.name ?? `test-${randomUUID().slice(0, 8)}`, scopes, ...extra });
  if (res.status !== 201) throw new Error(`creating an API key failed: ${res.status} ${res.text}`);
  return { id: res.body.id as string, secret: res.body.secret as string, scopes };
}
