import { parseInstant, pastInstantProblem } from './is-past-instant.decorator';

describe('parseInstant', () => {
  it.each([
    ['2026-11-30T00:00:00.000Z', '2026-11-30T00:00:00.000Z'],
    ['2026-11-30T00:00:00Z', '2026-11-30T00:00:00.000Z'],
    ['2026-11-30T00:00:00.5Z', '2026-11-30T00:00:00.500Z'],
    ['2026-11-30T00:00:00.123999999Z', '2026-11-30T00:00:00.123Z'],
    ['2026-11-30t00:00:00.123z', '2026-11-30T00:00:00.123Z'],
    ['2026-11-30T01:00:00.123+01:00', '2026-11-30T00:00:00.123Z'],
    ['2026-11-29T19:00:00.123-05:00', '2026-11-30T00:00:00.123Z'],
    ['2026-11-30T05:45:00.000+05:45', '2026-11-30T00:00:00.000Z'],
    ['2024-02-29T23:59:59.999Z', '2024-02-29T23:59:59.999Z'],
    ['0001-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z'],
    ['0050-06-01T00:00:00.000Z', '0050-06-01T00:00:00.000Z'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseInstant(text)?.toISOString()).toBe(expected);
  });

  it.each([
    'yesterday',
    '',
    '2026-11-30',
    '2026-11-30T00:00:00',
    '2026-11-30T00:00:00.000',
    '2026-11-30 00:00:00.000Z',
    '2025-02-29T00:00:00.000Z',
    '2026-04-31T00:00:00.000Z',
    '2026-00-10T00:00:00.000Z',
    '2026-13-01T00:00:00.000Z',
    '2026-11-30T24:00:00.000Z',
    '2026-11-30T23:60:00.000Z',
    '2016-12-31T23:59:60.000Z',
    '2026-11-30T00:00:00.0000000000Z',
    '2026-11-30T00:00:00.Z',
    '2026-11-30T00:00:00.000+24:00',
    '2026-11-30T00:00:00.000+01:60',
    '2026-11-30T00:00:00.000+0100',
    '2026-11-30T00:00:00.000 01:00',
    '+02026-11-30T00:00:00.000Z',
    '1764460800',
    '2026-11-30T00:00:00.000Z\n',
  ])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe('pastInstantProblem', () => {
  const now = Date.parse('2026-12-01T12:00:00.000Z');

  it('accepts an instant up to now, exactly now included', () => {
    expect(pastInstantProblem('2026-12-01T12:00:00.000Z', now)).toBeUndefined();
    expect(pastInstantProblem('2026-12-01T13:00:00.000+01:00', now)).toBeUndefined();
  });

  it('refuses the future, before year 1, and what is not a string', () => {
    expect(pastInstantProblem('2026-12-01T12:00:00.001Z', now)).toBe('must not be in the future');
    expect(pastInstantProblem('0001-01-01T00:59:59.999+01:00', now)).toBe('must be at or after 0001-01-01T00:00:00Z');
    expect(pastInstantProblem(['2026-11-30T00:00:00.000Z'], now)).toMatch(/RFC 3339/);
    expect(pastInstantProblem(1764460800, now)).toMatch(/RFC 3339/);
  });
});
