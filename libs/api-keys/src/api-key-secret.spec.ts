import { digestsEqual, generateApiKeySecret, hashSecret, isWellFormedApiKeySecret, secretHint } from './api-key-secret';

describe('API key secrets', () => {
  it('are dw_ and 49 base62 characters, different every time', () => {
    const secrets = Array.from({ length: 200 }, () => generateApiKeySecret());
    for (const s of secrets) expect(s).toMatch(/^dw_[0-9A-Za-z]{49}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it('use every base62 character about equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const c of generateApiKeySecret().slice(3, 46)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (2000 * 43) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.2);
  });

  it('carry a checksum: a changed character, a made-up secret or another shape is refused without a lookup', () => {
    const secret = generateApiKeySecret();
    expect(isWellFormedApiKeySecret(secret)).toBe(true);
    const flipped = secret.slice(0, 10) + (secret[10] === 'a' ? 'b' : 'a') + secret.slice(11);
    expect(isWellFormedApiKeySecret(flipped)).toBe(false);
    expect(isWellFormedApiKeySecret(`dw_${'a'.repeat(49)}`)).toBe(false);
    expect(isWellFormedApiKeySecret(secret.slice(3))).toBe(false);
    expect(isWellFormedApiKeySecret(`${secret}x`)).toBe(false);
    expect(isWellFormedApiKeySecret('')).toBe(false);
  });

  it('are stored as a 32-byte keyed digest that only the same secret matches', () => {
    const a = generateApiKeySecret();
    const b = generateApiKeySecret();
    expect(hashSecret(a)).toHaveLength(32);
    expect(digestsEqual(hashSecret(a), hashSecret(a))).toBe(true);
    expect(digestsEqual(hashSecret(a), hashSecret(b))).toBe(false);
    expect(hashSecret(a).toString('hex')).not.toContain(Buffer.from(a).toString('hex').slice(0, 16));
  });

  it('are hinted by their last four characters only', () => {
    const secret = generateApiKeySecret();
    expect(secretHint(secret)).toBe(`dw_…${secret.slice(-4)}`);
  });
});
