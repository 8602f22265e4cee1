import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API key secrets: `dw_` + 43 random base62 characters (256 bits from `crypto.randomBytes`) + a
 * 6-character CRC-32 checksum, 52 characters in all (GitHub's token format, in spirit). The
 * checksum lets the service refuse a mistyped or made-up secret without asking the database.
 *
 * The service stores only HMAC-SHA256(secret) under a fixed domain key. A secret this random cannot
 * be guessed from its hash, so a deliberately slow password hash (bcrypt, argon2) would only cost
 * ~50-100 ms of CPU per request; the keyed fast hash costs ~1 µs and keeps the digest specific to
 * this use.
 */
export const SECRET_PREFIX = 'dw_';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
const SECRET_FORMAT = new RegExp(`^${SECRET_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);
const HASH_KEY = 'dino-wallet/api-key-secret/v1';

/** A new secret, shown to its owner once. */
export function generateApiKeySecret(): string {
  let body = '';
  while (body.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(64)) {
      // 248 = 4 × 62: rejecting the rest keeps every character equally likely.
      if (byte < 248 && body.length < RANDOM_LENGTH) body += ALPHABET[byte % 62];
    }
  }
  return `${SECRET_PREFIX}${body}${checksum(body)}`;
}

/** True when the text has the shape and the checksum of a secret this service issued. */
export function isWellFormedApiKeySecret(secret: string): boolean {
  if (!SECRET_FORMAT.test(secret)) return false;
  const body = secret.slice(SECRET_PREFIX.length, SECRET_PREFIX.length + RANDOM_LENGTH);
  return checksum(body) === secret.slice(SECRET_PREFIX.length + RANDOM_LENGTH);
}

/** The digest stored and looked up in place of a secret (32 bytes). */
export function hashSecret(secret: string): Buffer {
  return createHmac('sha256', HASH_KEY).update(secret).digest();
}

/** Compares two digests in constant time (never `===` on secrets or their hashes). */
export function digestsEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What a list may show of a secret: its prefix and its last four characters. */
export function secretHint(secret: string): string {
  return `${SECRET_PREFIX}…${secret.slice(-4)}`;
}

function checksum(body: string): string {
  let n = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}
