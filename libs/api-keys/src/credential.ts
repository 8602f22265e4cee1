import { SCOPES, type Scope } from './scopes';

/** Who is calling: the master key or an API key, with what it may do. */
export interface Credential {
  /** The API key's id, or `master`. Journals record it as `createdBy`; logs show it. */
  readonly id: string;
  readonly scopes: ReadonlySet<Scope>;
  /** The key's own request rate (per second), or null for the service's default. */
  readonly rateLimitPerSecond: number | null;
}

export const MASTER_CREDENTIAL_ID = 'master';
/** The author of writes the service starts itself (the hold-expiry job, say). */
export const SYSTEM_ACTOR = 'system';

export const MASTER_CREDENTIAL: Credential = {
  id: MASTER_CREDENTIAL_ID,
  scopes: new Set(SCOPES),
  rateLimitPerSecond: null,
};

declare module 'http' {
  interface IncomingMessage {
    /** Set by the authentication middleware on every request that presented a valid credential. */
    credential?: Credential;
  }
}
