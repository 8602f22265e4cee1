import fc from 'fast-check';
import {
  Command,
  Concurrent,
  CreateUser,
  ListHolds,
  ReadBalances,
  ReadHistory,
  ReadHold,
  ReadTransaction,
  Retry,
  UnknownUserWrite,
  Write,
} from './wallet-commands';
import type { Encoding } from './wallet-driver';
import { ASSETS, HoldStatus, MoveKind } from './wallet-model';
import {
  CaptureAmount,
  CaptureSpec,
  CaptureTarget,
  HoldSpec,
  MAX_AMOUNT,
  MoveSpec,
  OpSpec,
  RefundAmount,
  RefundSpec,
  RETRY_VARIANTS,
  VoidSpec,
} from './wallet-specs';

/**
 * The generators of the model-based test. Users are picked by index among few users, so that
 * writes collide on the same accounts; amounts are mostly small, so that balances run out.
 * Refunds pick an earlier transaction by index, captures and voids an earlier hold.
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

const descriptionArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('', 'starter pack', 'päckchen ☕') },
);
const metadataArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('order', 'sku', 'source'), fc.string({ maxLength: 8 }), { maxKeys: 3 }) },
);

function moveSpecArb(kinds: readonly MoveKind[], users: number): fc.Arbitrary<MoveSpec> {
  return fc.record({
    kind: fc.constantFrom(...kinds),
    from: fc.nat({ max: users - 1 }),
    to: fc.nat({ max: users - 1 }),
    asset: fc.constantFrom(...ASSETS),
    amount: amountArb,
    description: descriptionArb,
    metadata: metadataArb,
    enc: encodingArb,
  });
}

const refundAmountArb: fc.Arbitrary<RefundAmount> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ of: 'rest' as const }) },
  { weight: 1, arbitrary: fc.constant({ of: 'exact' as const }) },
  { weight: 1, arbitrary: fc.constant({ of: 'over' as const }) },
  { weight: 4, arbitrary: fc.nat().map((n) => ({ of: 'part' as const, n })) },
  { weight: 1, arbitrary: fc.constantFrom(1n, MAX_AMOUNT).map((amount) => ({ of: 'fixed' as const, amount })) },
);

function refundSpecArb(pick: fc.Arbitrary<number> = fc.nat()): fc.Arbitrary<RefundSpec> {
  return fc.record({
    kind: fc.constant('REFUND' as const),
    pick,
    refundableOnly: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    amount: refundAmountArb,
    reason: fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('bought by mistake', 'chargeback') },
    ),
    metadata: metadataArb,
    enc: encodingArb,
  });
}

/** Long expiries only (an hour at least): no hold of a sequence may expire while the model thinks it HELD. */
const holdSpecArb: fc.Arbitrary<HoldSpec> = fc.record({
  kind: fc.constant('HOLD' as const),
  funded: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  who: fc.nat({ max: 5 }),
  asset: fc.constantFrom(...ASSETS),
  amount: amountArb,
  expiresInSeconds: fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(3600, 86400, 604800) },
  ),
  description: descriptionArb,
  metadata: metadataArb,
  enc: encodingArb,
});

const captureAmountArb: fc.Arbitrary<CaptureAmount> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ of: 'all' as const }) },
  { weight: 1, arbitrary: fc.constant({ of: 'full' as const }) },
  { weight: 1, arbitrary: fc.constant({ of: 'over' as const }) },
  { weight: 3, arbitrary: fc.nat().map((n) => ({ of: 'part' as const, n })) },
);

const captureTargetArb: fc.Arbitrary<CaptureTarget> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ to: 'treasury' as const }) },
  { weight: 3, arbitrary: fc.nat({ max: 5 }).map((who) => ({ to: 'user' as const, who })) },
  { weight: 1, arbitrary: fc.constant({ to: 'self' as const }) },
  { weight: 1, arbitrary: fc.uuid({ version: 4 }).map((id) => ({ to: 'unknown' as const, id })) },
);

const activeArb = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

function captureSpecArb(pick: fc.Arbitrary<number> = fc.nat(), active = activeArb): fc.Arbitrary<CaptureSpec> {
  return fc.record({
    kind: fc.constant('CAPTURE' as const),
    pick,
    activeOnly: active,
    amount: captureAmountArb,
    target: captureTargetArb,
    enc: encodingArb,
  });
}

function voidSpecArb(pick: fc.Arbitrary<number> = fc.nat(), active = activeArb): fc.Arbitrary<VoidSpec> {
  return fc.record({ kind: fc.constant('VOID' as const), pick, activeOnly: active, enc: encodingArb });
}

const KINDS: readonly MoveKind[] = ['TOPUP', 'SPEND', 'BONUS', 'TRANSFER'];
const HOLD_STATUSES: ReadonlyArray<HoldStatus | null> = [null, 'HELD', 'CAPTURED', 'VOIDED', 'EXPIRED'];
const duplicateArb = fc.constantFrom('none' as const, 'same' as const, 'changed' as const);

/** Refunds of one original at once (some for what is left, some for parts), and captures and voids of one active hold at once. */
function racesArb(): Array<fc.Arbitrary<Command>> {
  const refunds = fc.nat().chain((pick) => fc.array(refundSpecArb(fc.constant(pick)), { minLength: 2, maxLength: 4 }));
  const settlements = fc
    .nat()
    .chain((pick) =>
      fc.array(
        fc.oneof(captureSpecArb(fc.constant(pick), fc.constant(true)), voidSpecArb(fc.constant(pick), fc.constant(true))),
        { minLength: 2, maxLength: 4 },
      ),
    );
  return [
    fc.tuple(refunds, duplicateArb).map(([specs, dup]) => new Concurrent(specs, dup, 'refund race')),
    fc.tuple(settlements, duplicateArb).map(([specs, dup]) => new Concurrent(specs, dup, 'settlement race')),
  ];
}

/** Every command, weighted so that writes dominate and users stay few (so they collide). */
export function walletCommands(): Array<fc.Arbitrary<Command>> {
  const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => Array.from({ length: weight }, () => arbitrary);
  const anyOp: fc.Arbitrary<OpSpec> = fc.oneof(
    { weight: 4, arbitrary: moveSpecArb(KINDS, 3) },
    { weight: 1, arbitrary: refundSpecArb() },
    { weight: 1, arbitrary: holdSpecArb },
    { weight: 1, arbitrary: captureSpecArb() },
    { weight: 1, arbitrary: voidSpecArb() },
  );
  const [refundRace, settlementRace] = racesArb();
  return [
    ...weighted(
      1,
      fc.boolean().map((taken) => new CreateUser(taken)),
    ),
    ...weighted(
      6,
      moveSpecArb(KINDS, 6).map((s) => new Write(s)),
    ),
    ...weighted(
      2,
      moveSpecArb(['TRANSFER'], 3).map((s) => new Write(s)),
    ),
    ...weighted(
      3,
      refundSpecArb().map((s) => new Write(s)),
    ),
    ...weighted(
      3,
      holdSpecArb.map((s) => new Write(s)),
    ),
    ...weighted(
      2,
      captureSpecArb().map((s) => new Write(s)),
    ),
    ...weighted(
      1,
      voidSpecArb().map((s) => new Write(s)),
    ),
    ...weighted(
      3,
      fc.tuple(fc.nat(), fc.constantFrom(...RETRY_VARIANTS), encodingArb).map(([p, v, e]) => new Retry(p, v, e)),
    ),
    ...weighted(
      1,
      fc
        .tuple(fc.oneof(moveSpecArb(KINDS, 6), holdSpecArb), fc.uuid({ version: 4 }))
        .map(([s, id]) => new UnknownUserWrite(s, id)),
    ),
    ...weighted(
      2,
      fc.tuple(fc.array(anyOp, { minLength: 2, maxLength: 4 }), duplicateArb).map(([specs, dup]) => new Concurrent(specs, dup)),
    ),
    ...weighted(1, refundRace),
    ...weighted(1, settlementRace),
    ...weighted(
      1,
      fc.nat({ max: 5 }).map((who) => new ReadBalances(who)),
    ),
    ...weighted(
      1,
      fc
        .tuple(fc.nat({ max: 5 }), fc.option(fc.constantFrom(...ASSETS), { nil: null }), fc.integer({ min: 1, max: 4 }))
        .map(([who, asset, limit]) => new ReadHistory(who, asset, limit)),
    ),
    ...weighted(
      1,
      fc.nat().map((p) => new ReadTransaction(p)),
    ),
    ...weighted(
      1,
      fc.nat().map((p) => new ReadHold(p)),
    ),
    ...weighted(
      1,
      fc.tuple(fc.nat({ max: 5 }), fc.constantFrom(...HOLD_STATUSES)).map(([who, status]) => new ListHolds(who, status)),
    ),
  ];
}
