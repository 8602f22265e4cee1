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

/** The credential a connection last proved, with the header (bytes) that proved it. */
interface ConnectionProof extends Cached {
  readonly header: Buffer;
  readonly generation: number;
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
 *
 * Game servers send every request of a keep-alive connection with the same header, so a connection
 * also remembers the header that last proved a credential (in memory, for the connection's life,
 * never logged): the next request with a byte-identical header — compared in constant time — gets
 * the same credential without hashing again, within the same TTL and expiry, and not after any
 * {@link forget}.
 */
@Injectable()
export class Authenticator {
  private readonly masterDigest: Buffer | undefined;
  private readonly ttlMs: number;
  private readonly cache = new Map<string, Cached>();
  private readonly lookups = new Map<string, Promise<Cached>>();
  private readonly connections = new WeakMap<object, ConnectionProof>();
  /** Bumped by {@link forget}: every connection's proof is then stale. */
  private generation = 0;

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly lastUsed: LastUsedRecorder,
    config: ConfigService<AppConfig, true>,
  ) {
    const auth = config.get('auth', { infer: true });
    this.masterDigest = auth.masterKey === undefined ? undefined : hashSecret(auth.masterKey);
    this.ttlMs = auth.cacheTtlMs;
  }

  /**
   * Synchronous for the master key, refusals and cached keys; a promise only on a cache miss.
   * `connection` (the request's socket) lets a connection's next request skip the hashing.
   */
  authenticate(authorization: string | undefined, connection?: object): AuthenticationResult | Promise<AuthenticationResult> {
    if (authorization === undefined || authorization === '') return MISSING;
    if (connection !== undefined) {
      const proof = this.connections.get(connection);
      if (proof !== undefined && this.stillProves(proof, authorization)) return this.used(proof.result);
    }
    const verified = this.verify(authorization);
    if (!(verified instanceof Promise)) return this.remember(connection, authorization, verified);
    return verified.then((cached) => this.remember(connection, authorization, cached));
  }

  /** Drops a revoked key from this process's cache at once (other processes: within the TTL). */
  forget(keyId: string): void {
    this.generation++;
    for (const [id, entry] of this.cache) {
      if (entry.result.ok && entry.result.credential.id === keyId) this.cache.delete(id);
    }
  }

  private verify(authorization: string): Cached | Promise<Cached> {
    const secret = BEARER.exec(authorization)?.[1];
    if (secret === undefined) return { result: MALFORMED, until: 0 };
    const digest = hashSecret(secret);
    if (this.masterDigest !== undefined && digestsEqual(digest, this.masterDigest)) return { result: MASTER, until: Infinity };
    if (!isWellFormedApiKeySecret(secret)) return { result: INVALID, until: 0 };
    const id = digest.toString('base64');
    const cached = this.cache.get(id);
    if (cached !== undefined && cached.until > Date.now()) return cached;
    let lookup = this.lookups.get(id);
    if (lookup === undefined) {
      lookup = this.lookUp(id, digest).finally(() => this.lookups.delete(id));
      this.lookups.set(id, lookup);
    }
    return lookup;
  }

  private remember(connection: object | undefined, authorization: string, verified: Cached): AuthenticationResult {
    if (connection !== undefined && verified.result.ok && verified.until > Date.now()) {
      const header = Buffer.from(authorization);
      this.connections.set(connection, { ...verified, header, generation: this.generation });
    }
    return this.used(verified.result);
  }

  /** The same header bytes (constant time), not revoked since, within the verdict's TTL. */
  private stillProves(proof: ConnectionProof, authorization: string): boolean {
    return (
      proof.generation === this.generation &&
      proof.until > Date.now() &&
      proof.header.length === authorization.length &&
      digestsEqual(proof.header, Buffer.from(authorization))
    );
  }

  private async lookUp(id: string, digest: Buffer): Promise<Cached> {
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
    const cached = { result, until };
    this.cache.set(id, cached);
    return cached;
  }

  /** Notes an API key's use (the master key is no stored key: nothing to record). */
  private used(result: AuthenticationResult): AuthenticationResult {
    if (result.ok && result !== MASTER) this.lastUsed.note(result.credential.id);
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
