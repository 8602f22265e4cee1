import { AccountBook } from './account-book';

describe(AccountBook.name, () => {
  const account = (id: string, balance: bigint) => ({ id, kind: 'USER' as const, balance });

  it('lends committed balances once: a batch takes its accounts out until it commits', () => {
    const book = new AccountBook();
    book.committed([account('1', 10n), account('2', 5n)], false);
    const taken = book.take(['1', '2']);
    expect(taken && [...taken.values()]).toEqual([account('1', 10n), account('2', 5n)]);
    expect(book.take(['1'])).toBeUndefined(); // still out with the first batch
    book.committed([account('1', 11n)], true);
    expect(book.take(['1'])?.get('1')?.balance).toBe(11n);
  });

  it('takes nothing to decide from when one account is unknown, and forgets the others', () => {
    const book = new AccountBook();
    book.committed([account('1', 10n)], false);
    expect(book.take(['1', '2'])).toBeUndefined();
    book.committed([account('2', 3n)], false);
    expect(book.take(['1', '2'])).toBeUndefined(); // '1' went with the earlier attempt
  });

  it('pauses single flights after a balance moved elsewhere, longer each time, shorter after successes', () => {
    const book = new AccountBook();
    const lent = () => {
      book.committed([account('1', 1n)], false);
      return book.take(['1']) !== undefined;
    };
    book.failed();
    expect(Array.from({ length: 9 }, lent)).toEqual([false, false, false, false, false, false, false, false, true]);
    book.failed(); // 16
    expect(Array.from({ length: 17 }, lent).filter(Boolean)).toHaveLength(1);
    book.committed([], true); // halved to 8
    book.failed(); // max(8, 16) = 16
    expect(Array.from({ length: 17 }, lent).filter(Boolean)).toHaveLength(1);
  });
});
