/** An outcome as it is stored and replayed: the status and the exact body bytes. */
export interface StoredResponse {
  readonly status: number;
  readonly body: string;
}

/** What a write returns to its controller. */
export interface WriteResult extends StoredResponse {
  /** True when this is the stored outcome of an earlier request with the same key. */
  readonly replayed: boolean;
}

/** Content type of a stored body: problems for rejections, JSON for successes. */
export function storedContentType(status: number): string {
  return status >= 400 ? 'application/problem+json' : 'application/json';
}
