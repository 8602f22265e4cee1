import { HistoryCursorCodec } from './history-cursor';

describe(HistoryCursorCodec.name, () => {
  const codec = new HistoryCursorCodec('a-test-secret-of-some-length');
  const scope = { userId: 'u1', assetCode: 'GOLD', type: null };

  it('round-trips an entry id for the same scope', () => {
    expect(codec.decode(scope, codec.encode(scope, '12345'))).toBe('12345');
  });

  it('refuses a cursor used with other filters or another user', () => {
    const cursor = codec.encode(scope, '12345');
    expect(codec.decode({ ...scope, assetCode: null }, cursor)).toBeUndefined();
    expect(codec.decode({ ...scope, userId: 'u2' }, cursor)).toBeUndefined();
    expect(codec.decode({ ...scope, type: 'SPEND' }, cursor)).toBeUndefined();
  });

  it('refuses edited, invented and malformed cursors', () => {
    const cursor = codec.encode(scope, '12345');
    const decoded = Buffer.from(cursor, 'base64url').toString();
    const edited = Buffer.from(decoded.replace('12345', '99999')).toString('base64url');
    for (const bad of [edited, 'abc', '', '!!!', Buffer.from('5.xyz').toString('base64url'), 'x'.repeat(500)]) {
      expect(codec.decode(scope, bad)).toBeUndefined();
    }
    expect(new HistoryCursorCodec('another-secret-entirely').decode(scope, cursor)).toBeUndefined();
  });
});
