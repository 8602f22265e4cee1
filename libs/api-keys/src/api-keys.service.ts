import { ValidationFailedException } from '@app/common';
import { Injectable } from '@nestjs/common';
import { generateApiKeySecret, hashSecret, secretHint } from './api-key-secret';
import { ApiKeyNotFoundException, MissingScopeException } from './api-keys.exception';
import { ApiKeyRecord, ApiKeysRepository } from './api-keys.repository';
import { Authenticator } from './authenticator.service';
import type { Credential } from './credential';
import { canonicalScopes, type Scope } from './scopes';

export interface NewApiKeyRequest {
  readonly name: string;
  readonly scopes: readonly Scope[];
  readonly expiresAt?: string | null;
  readonly rateLimitPerSecond?: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Managing API keys (over HTTP with `api-keys:manage`, and `npm run keys`). A credential can only
 * hand out, or take away, powers it holds itself: a key may not create a key with a scope it lacks,
 * nor revoke a key that holds one.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly authenticator: Authenticator,
  ) {}

  /** @returns the key and its secret, which exists nowhere else from now on. */
  async create(caller: Credential, request: NewApiKeyRequest): Promise<{ key: ApiKeyRecord; secret: string }> {
    const scopes = canonicalScopes(request.scopes);
    requireScopesHeld(caller, scopes, (scope) => `A key cannot grant the scope ${scope}, which the caller does not hold.`);
    const expiresAt = request.expiresAt == null ? null : new Date(request.expiresAt);
    if (expiresAt !== null && !(expiresAt.getTime() > Date.now())) {
      throw new ValidationFailedException([{ field: 'expiresAt', message: 'must be in the future' }]);
    }
    const secret = generateApiKeySecret();
    const key = await this.keys.insert({
      name: request.name,
      scopes,
      secretHash: hashSecret(secret),
      secretHint: secretHint(secret),
      rateLimitPerSecond: request.rateLimitPerSecond ?? null,
      createdBy: caller.id,
      expiresAt,
    });
    return { key, secret };
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.keys.listActive();
  }

  /** A key that is not revoked; a revoked or unknown id (whatever its shape) is a 404. */
  async get(id: string): Promise<ApiKeyRecord> {
    const key = UUID.test(id) ? await this.keys.findActive(id) : undefined;
    if (!key) throw new ApiKeyNotFoundException();
    return key;
  }

  /** Revokes the key for good: refused at once here, and by every replica within the cache TTL (≤ 5 s). */
  async revoke(caller: Credential, id: string): Promise<void> {
    const key = await this.get(id);
    requireScopesHeld(
      caller,
      key.scopes as Scope[],
      (scope) => `A key cannot revoke a key holding the scope ${scope}, which the caller does not hold.`,
    );
    if (!(await this.keys.revoke(key.id))) throw new ApiKeyNotFoundException();
    this.authenticator.forget(key.id);
  }
}

function requireScopesHeld(caller: Credential, scopes: readonly Scope[], detail: (scope: Scope) => string): void {
  const missing = scopes.find((s) => !caller.scopes.has(s));
  if (missing !== undefined) throw new MissingScopeException(missing, detail(missing));
}
