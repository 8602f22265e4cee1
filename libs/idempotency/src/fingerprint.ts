import { hash } from 'node:crypto';

export type CanonicalValue = string | null | { readonly [key: string]: CanonicalValue };

/**
 * The fingerprint of a write: SHA-256 over the endpoint and the normalised request (amounts as
 * digit strings, absent optionals as null, metadata as `{}` when absent, keys sorted). The
 * idempotency key itself and its carrier (header or body) are not part of it.
 */
export function fingerprintRequest(endpoint: string, request: { readonly [key: string]: CanonicalValue }): string {
  return hash('sha256', `${endpoint}\n${canonicalJson(request)}`, 'hex');
}

/** JSON with object keys in sorted order, so equal requests serialise equally. */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'string') return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  let json = '{';
  for (let i = 0; i < keys.length; i++)
    json += `${i === 0 ? '' : ','}${JSON.stringify(keys[i])}:${canonicalJson(value[keys[i]])}`;
  return `${json}}`;
}
