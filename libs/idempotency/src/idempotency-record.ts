import { StoredResponse } from './stored-response';

/** A key a write claims, scoped to the acting user, with what identifies its request. */
export interface IdempotencyClaim {
  readonly userId: string;
  readonly key: string;
  readonly endpoint: string;
  readonly fingerprint: string;
}

/**
 * A record as a batch stores it, once, with its outcome: the claim, the response and the journal
 * it describes (null for a rejection).
 */
export interface IdempotencyRecord extends IdempotencyClaim, StoredResponse {
  readonly journalId: string | null;
}

/** A record found under a key: its request's fingerprint and, once completed, its stored outcome. */
export interface ExistingRecord {
  readonly userId: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly response: StoredResponse | null;
}

/** One string per (user, key), the identity of a record. */
export function scopedKey(userId: string, key: string): string {
  return `${userId}\u0000${key}`;
}
