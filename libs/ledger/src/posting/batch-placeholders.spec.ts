import { PLACEHOLDER_NOW, placeholderIds, placeholdersOnce, placeholderSlot, substitutePlaceholders } from './batch-placeholders';

describe('batch placeholders', () => {
  it('numbers slots below any bigint a journal can carry, and reads them back', () => {
    const ids = placeholderIds(3);
    expect(ids).toEqual(['-9000000000000000000', '-9000000000000000001', '-9000000000000000002']);
    expect(ids.map(placeholderSlot)).toEqual([0, 1, 2]);
    expect(['1', '-1', '-8999999999999999999', '9223372036854775807'].map(placeholderSlot)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('substitutes the quoted id and instant once each, as the database does', () => {
    const [id] = placeholderIds(1);
    const body = JSON.stringify({ id, createdAt: PLACEHOLDER_NOW.toISOString(), description: 'x' });
    expect(placeholdersOnce(body, id)).toBe(true);
    expect(substitutePlaceholders(body, id, '42', '2026-12-01T20:00:00.123Z')).toBe(
      '{"id":"42","createdAt":"2026-12-01T20:00:00.123Z","description":"x"}',
    );
  });

  it('refuses a body where a placeholder is missing or ambiguous', () => {
    const [id] = placeholderIds(1);
    const now = PLACEHOLDER_NOW.toISOString();
    expect(placeholdersOnce(JSON.stringify({ id, createdAt: now, description: now }), id)).toBe(false);
    expect(placeholdersOnce(JSON.stringify({ id, createdAt: now, balanceAfter: id }), id)).toBe(false);
    expect(placeholdersOnce(JSON.stringify({ id: '7', createdAt: now }), id)).toBe(false);
    // Quotes inside user text are escaped, so they never form a quoted placeholder.
    expect(placeholdersOnce(JSON.stringify({ id, createdAt: now, description: `a"${now}"b` }), id)).toBe(true);
  });
});
