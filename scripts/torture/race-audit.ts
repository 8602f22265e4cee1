import { getJson, inParallel, sleep } from '../../test/support/http-json';
import type { ClientLedger, FinalHold, SettledOperation } from '../../test/support/wallet-workload';

/** How the races of a run ended, for the verdict. */
export interface RaceSummary {
  readonly refunds: number;
  readonly holds: number;
  readonly captured: number;
  readonly voided: number;
  readonly expired: number;
}

interface HoldBody {
  readonly id: string;
  readonly status: FinalHold['status'];
  readonly amount: string;
  readonly capturedAmount: string;
  readonly capturedToUserId?: string;
  readonly transactions: Array<{ id: string; type: string; amount: string }>;
}

/**
 * Waits until no hold of the run is HELD any more (each expires HOLD_SECONDS after it was made;
 * expiry is due within `expiryWithinMs`), then reads every hold once more. A hold still HELD after
 * that is a violation.
 */
export async function finalHolds(
  url: string,
  ledger: ClientLedger,
  expiryWithinMs: number,
  violations: string[],
): Promise<Map<string, FinalHold>> {
  const ids = ledger
    .all()
    .filter((s) => s.accepted && s.op.kind === 'hold')
    .map((s) => String(s.body.id));
  const read = new Map<string, HoldBody>();
  const deadline = Date.now() + expiryWithinMs;
  let pending = ids;
  for (;;) {
    await inParallel(pending, 16, async (id) => {
      const res = await getJson(url, `/v1/holds/${id}`);
      if (res.status === 200) read.set(id, res.body as unknown as HoldBody);
      else violations.push(`GET /v1/holds/${id}: ${res.status} ${res.text.slice(0, 200)}`);
    });
    pending = pending.filter((id) => read.get(id)?.status === 'HELD');
    if (pending.length === 0 || Date.now() > deadline) break;
    await sleep(200);
  }
  for (const id of pending) violations.push(`hold ${id} is still HELD ${expiryWithinMs} ms after the run, long past its expiry`);
  const holds = new Map<string, FinalHold>();
  for (const [id, h] of read) {
    holds.set(id, { status: h.status, capturedAmount: BigInt(h.capturedAmount), capturedToUserId: h.capturedToUserId ?? null });
    holdChecks(id, h, ledger, violations);
  }
  return holds;
}

/**
 * One hold: exactly one final status and exactly one winner — the one capture or void that got a
 * 200 (a CAPTURED hold took what that capture asked for, to whom it asked), or none when the
 * expiry won; every other capture and void of it was refused with HOLD_NOT_ACTIVE naming the
 * final status. Its journals: the HOLD, the HOLD_RELEASE of all of it, and for a capture the
 * HOLD_CAPTURE.
 */
function holdChecks(id: string, h: HoldBody, ledger: ClientLedger, violations: string[]): void {
  const settlements = ledger.all().filter((s) => (s.op.kind === 'capture' || s.op.kind === 'void') && s.op.holdId === id);
  const winners = settlements.filter((s) => s.accepted);
  const shown = (list: SettledOperation[]) => list.map((s) => `${s.op.kind} ${s.op.key} → ${s.status}`).join(', ');
  if (h.status === 'EXPIRED' && winners.length > 0) violations.push(`hold ${id} EXPIRED, yet requests won it: ${shown(winners)}`);
  if (h.status === 'CAPTURED' || h.status === 'VOIDED') {
    const kind = h.status === 'CAPTURED' ? 'capture' : 'void';
    if (winners.length !== 1 || winners[0].op.kind !== kind)
      violations.push(`hold ${id} ${h.status}: the winners were [${shown(winners)}], not one ${kind}`);
    const [won] = winners;
    if (won?.op.kind === 'capture') {
      const asked = { capturedAmount: (won.op.amount ?? won.op.hold.amount).toString(), capturedToUserId: won.op.toUserId };
      const got = { capturedAmount: h.capturedAmount, capturedToUserId: h.capturedToUserId };
      if (JSON.stringify(got) !== JSON.stringify(asked))
        violations.push(`hold ${id} shows ${JSON.stringify(got)}, its winning capture asked for ${JSON.stringify(asked)}`);
    }
  }
  for (const lost of settlements.filter((s) => !s.accepted)) {
    if (lost.status !== 409 || lost.body.code !== 'HOLD_NOT_ACTIVE' || lost.body.holdStatus !== h.status) {
      violations.push(
        `hold ${id} ended ${h.status}; the losing ${lost.op.kind} ${lost.op.key} was answered ${lost.status} ${lost.text.slice(0, 160)}`,
      );
    }
  }
  const types = h.transactions.map((t) => `${t.type}:${t.amount}`);
  const [held, released] = [`HOLD:${h.amount}`, `HOLD_RELEASE:${h.amount}`];
  const wanted =
    h.status === 'HELD'
      ? [held]
      : h.status === 'CAPTURED'
        ? [held, released, `HOLD_CAPTURE:${h.capturedAmount}`]
        : [held, released];
  if (JSON.stringify(types) !== JSON.stringify(wanted))
    violations.push(`hold ${id} ${h.status} has the transactions [${types.join(', ')}], not [${wanted.join(', ')}]`);
}

/**
 * Refunds of one original, however they raced: the accepted ones add up to at most its amount and
 * to exactly the `refundedAmount` the original shows, whose `refunds` are exactly their ids; a
 * refused "all that is left" saw nothing left, a refused amount more than was left.
 */
export async function refundChecks(
  url: string,
  ledger: ClientLedger,
  unsettled: ReadonlySet<string>,
  violations: string[],
): Promise<number> {
  const byOriginal = new Map<string, SettledOperation[]>();
  for (const s of ledger.all()) {
    if (s.op.kind === 'refund') byOriginal.set(s.op.originalId, [...(byOriginal.get(s.op.originalId) ?? []), s]);
  }
  let accepted = 0;
  await inParallel([...byOriginal], 16, async ([originalId, refunds]) => {
    const original = refunds[0].op.kind === 'refund' ? refunds[0].op.original : undefined;
    const ok = refunds.filter((s) => s.accepted);
    accepted += ok.length;
    const sum = ok.reduce((total, s) => total + BigInt(String(s.body.amount)), 0n);
    if (original && sum > original.amount)
      violations.push(`refunds of ${originalId} add up to ${sum}, more than its ${original.amount}`);
    for (const s of refunds.filter((r) => !r.accepted && r.body.code === 'REFUND_EXCEEDS_ORIGINAL')) {
      const left = BigInt(String(s.body.refundable));
      const asked = s.op.kind === 'refund' ? s.op.amount : null;
      if (asked === null ? left !== 0n : left >= asked)
        violations.push(`refund ${s.op.key} of ${asked ?? 'the rest'} was refused with refundable ${left}`);
    }
    const res = await getJson(url, `/v1/transactions/${originalId}`);
    const racing = [...unsettled].some((k) => refunds.some((r) => k.endsWith(`\u0000${r.op.key}`)));
    const got = {
      refundedAmount: res.body.refundedAmount,
      refunds: [...((res.body.refunds as string[] | undefined) ?? [])].sort(),
    };
    const want = { refundedAmount: sum.toString(), refunds: ok.map((s) => String(s.body.id)).sort() };
    if (res.status !== 200 || (!racing && JSON.stringify(got) !== JSON.stringify(want))) {
      violations.push(
        `transaction ${originalId} shows ${res.status} ${JSON.stringify(got)}; its accepted refunds were ${JSON.stringify(want)}`,
      );
    }
  });
  return accepted;
}

export function summarize(holds: ReadonlyMap<string, FinalHold>, refunds: number): RaceSummary {
  const count = (status: FinalHold['status']) => [...holds.values()].filter((h) => h.status === status).length;
  return { refunds, holds: holds.size, captured: count('CAPTURED'), voided: count('VOIDED'), expired: count('EXPIRED') };
}
