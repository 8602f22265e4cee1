import { AppConfig } from '@app/common';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { digestsEqual, hashSecret, isWellFormedApiKeySecret } from './api-key-secret';
import { ApiKeysRepository } from './api-keys.repository';
import type { AuthenticationFailure } from './api-keys.exception';
import { Credential, MASTER_CREDENTIAL } from './credential';
import { LastUsedRecorder } from './last-used-recorder';
import { isScope } from './scopes';

export type AuthenticationResult =
  { readonly ok: true; readonly credential: Credential } | { readonly ok: false; readonly reason: AuthenticationFailure };

const MASTER: AuthenticationResult = { ok: true, credential: MASTER_CREDENTIAL };
const fail = (reason: AuthenticationFailure): AuthenticationResult => ({ ok: false, reason });
const MISSING = fail('missing');
const MALFORMED = fail('malformed');
const INVALID = fail('invalid');

/** `Bearer <secret>`, the scheme in any case (RFC 7235); secrets are 1–512 visible ASCII characters. */
const BEARER = /^bearer +([!-~]{1,512}) *$/i;
/** Verified results kept at once, so a flood of distinct made-up secrets cannot grow memory. */
const MAX_CACHED = 10_000;

interface Cached {
  readonly result: AuthenticationResult;
  readonly until: number;
}

/**
 * Turns an `Authorization` header into a credential.
 *
 * The master key is recognised by comparing keyed digests in constant time. An API key secret must
 * first have the right shape and checksum (made-up secrets are refused without a database look-up);
 * then its digest is looked up, once per `API_KEY_CACHE_TTL_MS` (at most 5 s) per secret and per
 * process: the verdict, positive or negative, is cached that long, and never past the key's expiry.
 * A revocation is therefore seen by every replica within the TTL, and at once by the replica that
 * revoked (see {@link forget}). Concurrent look-ups of one secret share one query.
 */
@Injectable()
export class Authenticator {
  private readonly masterDigest: Buffer | undefined;
  private readonly ttlMs: number;
  private readonly cache = new Map<string, Cached>();
  private readonly lookups = new Map<string, Promise<AuthenticationResult>>();

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly lastUsed: LastUsedRecorder,
    config: ConfigService<AppConfig, true>,
  ) {
    const auth = config.get('auth', { infer: true });
    this.masterDigest = auth.masterKey === undefined ? undefined : hashSecret(auth.masterKey);
    this.ttlMs = auth.cacheTtlMs;
  }

  /** Synchronous for the master key, refusals and cached keys; a promise only on a cache miss. */
  authenticate(authorization: string | undefined): AuthenticationResult | Promise<AuthenticationResult> {
    if (authorization === undefined || authorization === '') return MISSING;
    const secret = BEARER.exec(authorization)?.[1];
    if (secret === undefined) return MALFORMED;
    const digest = hashSecret(secret);
    if (this.masterDigest !== undefined && digestsEqual(digest, this.masterDigest)) return MASTER;
    if (!isWellFormedApiKeySecret(secret)) return INVALID;
    const id = digest.toString('base64');
    const cached = this.cache.get(id);
    if (cached !== undefined && cached.until > Date.now()) return this.used(cached.result);
    let lookup = this.lookups.get(id);
    if (lookup === undefined) {
      lookup = this.lookUp(id, digest).finally(() => this.lookups.delete(id));
      this.lookups.set(id, lookup);
    }
    return lookup.then((result) => this.used(result));
  }

  /** Drops a revoked key from this process's cache at once (other processes: within the TTL). */
  forget(keyId: string): void {
    for (const [id, entry] of this.cache) {
      if (entry.result.ok && entry.result.credential.id === keyId) this.cache.delete(id);
    }
  }

  private async lookUp(id: string, digest: Buffer): Promise<AuthenticationResult> {
    const key = await this.keys.findByHash(digest);
    const now = Date.now();
    let result = INVALID;
    let until = now + this.ttlMs;
    if (
      key &&
      digestsEqual(key.secretHash, digest) &&
      key.revokedAt === null &&
      (key.expiresAt === null || key.expiresAt.getTime() > now)
    ) {
      result = {
        ok: true,
        credential: { id: key.id, scopes: new Set(key.scopes.filter(isScope)), rateLimitPerSecond: key.rateLimitPerSecond },
      };
      if (key.expiresAt !== null) until = Math.min(until, key.expiresAt.getTime());
    }
    if (this.cache.size >= MAX_CACHED) this.evictOldest();
    this.cache.set(id, { result, until });
    return result;
  }

  private used(result: AuthenticationResult): AuthenticationResult {
    if (result.ok) this.lastUsed.note(result.credential.id);
    return result;
  }

  private evictOldest(): void {
    const now = Date.now();
    for (const [id, entry] of this.cache) if (entry.until <= now) this.cache.delete(id);
    // Still full: drop the oldest tenth (a Map iterates in insertion order).
    let drop = this.cache.size >= MAX_CACHED ? Math.ceil(MAX_CACHED / 10) : 0;
    for (const id of this.cache.keys()) {
      if (drop-- <= 0) break;
      this.cache.delete(id);
    }
  }
}
