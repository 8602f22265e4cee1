import { amountProblem, MAX_AMOUNT, toAmount } from './amount';

describe('amounts', () => {
  it.each([1, 100, 1_000_000_000_000_000, '1', '100', '1000000000000000'])('accepts %p', (value) => {
    expect(amountProblem(value)).toBeUndefined();
    expect(toAmount(value)).toBe(BigInt(value));
  });

  it.each([
    [0, 'greater than zero'],
    ['0', 'greater than zero'],
    [-1, 'greater than zero'],
    [1.5, 'whole number'],
    [Number.NaN, 'whole number'],
    [2 ** 53, 'whole number'],
    [1e30, 'whole number'],
    [1_000_000_000_000_001, 'at most'],
    ['1000000000000001', 'at most'],
    ['123456789012345678901234567890', 'at most'],
    ['', 'digits'],
    ['01', 'digits'],
    ['-5', 'digits'],
    ['1e3', 'digits'],
    ['1.0', 'digits'],
    [' 5', 'digits'],
    [null, 'positive integer'],
    [true, 'positive integer'],
    [{}, 'positive integer'],
  ])('refuses %p (%s)', (value, reason) => {
    expect(amountProblem(value)).toContain(reason);
    expect(() => toAmount(value as never)).toThrow(RangeError);
  });

  it('keeps every digit of the largest amount', () => {
    expect(toAmount('1000000000000000')).toBe(MAX_AMOUNT);
  });
});
