import fc from 'fast-check';
import {
  Command,
  Concurrent,
  CreateUser,
  MAX_AMOUNT,
  ReadBalances,
  ReadHistory,
  ReadTransaction,
  Retry,
  RETRY_VARIANTS,
  UnknownUserWrite,
  Write,
  WriteSpec,
} from './wallet-commands';
import type { Encoding } from './wallet-driver';
import { ASSETS, WriteKind } from './wallet-model';

/**
 * The generators of the model-based test. Users are picked by index among few users, so that
 * writes collide on the same accounts; amounts are mostly small, so that balances run out.
 */

const encodingArb: fc.Arbitrary<Encoding> = fc.record({
  amountAsString: fc.boolean(),
  keyCarrier: fc.constantFrom('header' as const, 'body' as const, 'both' as const),
  explicitDefaults: fc.boolean(),
});

/** Mostly small amounts (so balances run out and spends fail), sometimes up to the 10^15 limit. */
const amountArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 6, arbitrary: fc.bigInt({ min: 1n, max: 300n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 1n, max: 100_000n }) },
  { weight: 1, arbitrary: fc.constantFrom(MAX_AMOUNT, MAX_AMOUNT - 1n) },
  { weight: 1, arbitrary: fc.bigInt({ min: 1n, max: MAX_AMOUNT }) },
);

function writeSpecArb(kinds: readonly WriteKind[], users: number): fc.Arbitrary<WriteSpec> {
  return fc.record({
    kind: fc.constantFrom(...kinds),
    from: fc.nat({ max: users - 1 }),
    to: fc.nat({ max: users - 1 }),
    asset: fc.constantFrom(...ASSETS),
    amount: amountArb,
    description: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('', 'starter pack', 'päckchen ☕') }),
    metadata: fc.oneof(
      { weight: 4, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('order', 'sku', 'source'), fc.string({ maxLength: 8 }), { maxKeys: 3 }) },
    ),
    enc: encodingArb,
  });
}

const KINDS: readonly WriteKind[] = ['TOPUP', 'SPEND', 'BONUS', 'TRANSFER'];

/** Every command, weighted so that writes dominate and users stay few (so they collide). */
export function walletCommands(): Array<fc.Arbitrary<Command>> {
  const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => Array.from({ length: weight }, () => arbitrary);
  return [
    ...weighted(1, fc.boolean().map((taken) => new CreateUser(taken))),
    ...weighted(8, writeSpecArb(KINDS, 6).map((s) => new Write(s))),
    ...weighted(2, writeSpecArb(['TRANSFER'], 3).map((s) => new Write(s))),
    ...weighted(3, fc.tuple(fc.nat(), fc.constantFrom(...RETRY_VARIANTS), encodingArb).map(([p, v, e]) => new Retry(p, v, e))),
    ...weighted(1, fc.tuple(writeSpecArb(KINDS, 6), fc.uuid({ version: 4 })).map(([s, id]) => new UnknownUserWrite(s, id))),
    ...weighted(2, fc.tuple(fc.array(writeSpecArb(KINDS, 3), { minLength: 2, maxLength: 4 }), fc.constantFrom('none' as const, 'same' as const, 'changed' as const))
      .map(([specs, dup]) => new Concurrent(specs, dup))),
    ...weighted(1, fc.nat({ max: 5 }).map((who) => new ReadBalances(who))),
    ...weighted(1, fc.tuple(fc.nat({ max: 5 }), fc.option(fc.constantFrom(...ASSETS), { nil: null }), fc.integer({ min: 1, max: 4 }))
      .map(([who, asset, limit]) => new ReadHistory(who, asset, limit))),
    ...weighted(1, fc.nat().map((p) => new ReadTransaction(p))),
  ];
}
