import { canonicalJson, fingerprintRequest } from './fingerprint';
import { resolveIdempotencyKey } from './idempotency-key';

describe('resolveIdempotencyKey', () => {
  it('takes the header, the body field, or both when equal', () => {
    expect(resolveIdempotencyKey('k-1', undefined)).toBe('k-1');
    expect(resolveIdempotencyKey(undefined, 'k-2')).toBe('k-2');
    expect(resolveIdempotencyKey('k-3', 'k-3')).toBe('k-3');
    expect(resolveIdempotencyKey('~'.repeat(255), undefined)).toHaveLength(255);
  });

  it.each([
    ['missing', undefined, undefined],
    ['different carriers', 'a', 'b'],
    ['empty', '', undefined],
    ['too long', 'k'.repeat(256), undefined],
    ['a space', 'a b', undefined],
    ['non-ASCII', 'clé', undefined],
    ['a control character', 'a\u0007b', undefined],
    ['sent twice', ['a', 'a'], undefined],
    ['bad body key', undefined, 'tab\tkey'],
  ])('refuses a key that is %s', (_why, header, body) => {
    expect(() => resolveIdempotencyKey(header as never, body)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('fingerprintRequest', () => {
  it('ignores key order and differs by endpoint or any field', () => {
    const base = fingerprintRequest('POST /v1/topup', { userId: 'u', amount: '1', metadata: { a: '1', b: '2' } });
    expect(fingerprintRequest('POST /v1/topup', { metadata: { b: '2', a: '1' }, amount: '1', userId: 'u' })).toBe(base);
    expect(fingerprintRequest('POST /v1/spend', { userId: 'u', amount: '1', metadata: { a: '1', b: '2' } })).not.toBe(base);
    expect(fingerprintRequest('POST /v1/topup', { userId: 'u', amount: '2', metadata: { a: '1', b: '2' } })).not.toBe(base);
  });

  it('is SHA-256 of the endpoint, a newline and the canonical JSON (stored records must keep matching)', () => {
    expect(fingerprintRequest('/v1/topup', { userId: 'u', amount: '1', metadata: { b: '2', a: '1' } })).toBe(
      'ee69624e555f967650787dac994530c3cdf5babed60ee909537d838b71385b06',
    );
  });

  it('serialises canonically', () => {
    expect(canonicalJson({ b: null, a: { d: 'x', c: 'y' } })).toBe('{"a":{"c":"y","d":"x"},"b":null}');
  });
});
