export const ASSET_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,15}$/;
export const USERNAME_PATTERN = /^[a-zA-Z0-9_.-]{3,64}$/;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const TRANSACTION_ID_PATTERN = /^[1-9][0-9]{0,18}$/;

/** User ids are UUIDs; any spelling of one names the same user. */
export function normalizeUserId(id: string): string {
  return UUID_PATTERN.test(id) ? id.toLowerCase() : id;
}

export function isUserId(id: string): boolean {
  return UUID_PATTERN.test(id);
}

/** A transaction id is a positive bigint; anything else names no transaction. */
export function isTransactionId(id: string): boolean {
  return TRANSACTION_ID_PATTERN.test(id) && BigInt(id) <= 9223372036854775807n;
}
