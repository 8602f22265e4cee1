import { SqlExecutor } from '@app/common';
import { Injectable } from '@nestjs/common';
import { HoldsRepository } from '../holds/holds.repository';
import { LedgerState, outflowKey, StateRequest } from './ledger-state';

/**
 * Loads the state a batch's rules asked for and writes what they changed. `load` sends its
 * statements at once (one per kind of state asked for) so the batch pipelines them right after
 * its account locks; `save` likewise with the journals.
 */
@Injectable()
export class LedgerStateRepository {
  constructor(private readonly holds: HoldsRepository) {}

  load(tx: SqlExecutor, requests: readonly StateRequest[]): Promise<LedgerState> {
    if (requests.length === 0) return Promise.resolve(LedgerState.empty());
    const refunds = unique(requests.flatMap((r) => (r.kind === 'refunded' ? [r.transactionId] : [])));
    const holdIds = unique(requests.flatMap((r) => (r.kind === 'hold' ? [r.holdId] : [])));
    const outflows = requests.flatMap((r) => (r.kind === 'outflow' ? [r] : []));
    const refunded =
      refunds.length === 0
        ? Promise.resolve([])
        : tx.query<{ id: string; refunded: string }>(
            'ledger_state_refunded',
            `SELECT refund_of::text AS id, sum(amount)::text AS refunded FROM journal_transactions
              WHERE refund_of = ANY ($1::bigint[]) GROUP BY refund_of`,
            [refunds],
          );
    const holds = this.holds.find(tx, holdIds);
    const sent =
      outflows.length === 0
        ? Promise.resolve([])
        : tx.query<{ user_id: string; asset_code: string; amount: string }>(
            'ledger_state_outflows',
            `SELECT o.user_id::text AS user_id, o.asset_code, o.amount::text AS amount
               FROM transfer_daily_outflows o
               JOIN unnest($1::uuid[], $2::text[]) AS q(user_id, asset_code) ON q.user_id = o.user_id AND q.asset_code = o.asset_code
              WHERE o.day = (now() AT TIME ZONE 'UTC')::date`,
            [outflows.map((o) => o.userId), outflows.map((o) => o.assetCode)],
          );
    return Promise.all([refunded, holds, sent]).then(
      ([r, h, o]) =>
        new LedgerState(
          new Map(r.map((row) => [row.id, BigInt(row.refunded)])),
          new Map(h.map((hold) => [hold.id, hold])),
          new Map(o.map((row) => [outflowKey(row.user_id, row.asset_code), BigInt(row.amount)])),
        ),
    );
  }

  /** Sends the batch's state writes (after its journals: holds reference them). */
  save(tx: SqlExecutor, state: LedgerState): Array<Promise<void>> {
    const writes = [this.holds.insert(tx, state.newHolds), this.holds.settle(tx, state.settlements)];
    const deltas = [...state.outflowDeltas.values()];
    if (deltas.length > 0) {
      writes.push(
        tx
          .query(
            'ledger_state_outflows_add',
            `INSERT INTO transfer_daily_outflows (user_id, asset_code, day, amount)
             SELECT user_id, asset_code, (now() AT TIME ZONE 'UTC')::date, amount
               FROM unnest($1::uuid[], $2::text[], $3::bigint[]) AS d(user_id, asset_code, amount)
             ON CONFLICT (user_id, asset_code, day) DO UPDATE SET amount = transfer_daily_outflows.amount + excluded.amount`,
            [deltas.map((d) => d.userId), deltas.map((d) => d.assetCode), deltas.map((d) => d.amount.toString())],
          )
          .then(() => undefined),
      );
    }
    return writes;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
