import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CursorScope {
  readonly userId: string;
  readonly assetCode: string | null;
  readonly type: string | null;
}

const ENTRY_ID = /^[1-9]\d{0,18}$/;

/**
 * Opaque keyset cursors for history pages: the last entry id shown, bound to the user and the
 * filters by an HMAC, so a cursor that was edited, invented or taken from another query is refused
 * (400) instead of silently paging somewhere else.
 */
export class HistoryCursorCodec {
  constructor(private readonly secret: string) {}

  encode(scope: CursorScope, beforeEntryId: string): string {
    return Buffer.from(`${beforeEntryId}.${this.mac(scope, beforeEntryId)}`).toString('base64url');
  }

  /** @returns the entry id to page below, or undefined when the cursor is not one this service issued for this scope. */
  decode(scope: CursorScope, cursor: string): string | undefined {
    if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
    const [entryId, mac, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
    if (rest.length > 0 || !entryId || !mac || !ENTRY_ID.test(entryId) || BigInt(entryId) > 9223372036854775807n)
      return undefined;
    const expected = Buffer.from(this.mac(scope, entryId));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? entryId : undefined;
  }

  private mac(scope: CursorScope, entryId: string): string {
    return createHmac('sha256', this.secret)
      .update(`history|${scope.userId}|${scope.assetCode ?? ''}|${scope.type ?? ''}|${entryId}`)
      .digest('base64url')
      .slice(0, 22);
  }
}
