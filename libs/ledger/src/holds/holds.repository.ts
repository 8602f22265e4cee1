import { SqlExecutor } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { HoldStatus, HoldView } from '../domain/posting';
import type { HoldSettlement } from '../posting/ledger-state';

const HOLD_COLUMNS = `id::text AS id, status, user_id::text AS user_id, asset_code, amount::text AS amount,
  captured_amount::text AS captured_amount, capture_to_user_id::text AS capture_to_user_id, description, metadata,
  idempotency_key, created_by, created_at, expires_at, finished_at, hold_journal_id::text AS hold_journal_id,
  release_journal_id::text AS release_journal_id, capture_journal_id::text AS capture_journal_id`;

interface HoldRow {
  id: string;
  status: HoldStatus;
  user_id: string;
  asset_code: string;
  amount: string;
  captured_amount: string;
  capture_to_user_id: string | null;
  description: string | null;
  metadata: Record<string, string>;
  idempotency_key: string;
  created_by: string;
  created_at: Date;
  expires_at: Date;
  finished_at: Date | null;
  hold_journal_id: string;
  release_journal_id: string | null;
  capture_journal_id: string | null;
}

/** The holds' SQL: reads, and the writes of a batch (inside its transaction, pipelined). */
@Injectable()
export class HoldsRepository {
  async find(executor: SqlExecutor, ids: readonly string[]): Promise<HoldView[]> {
    if (ids.length === 0) return [];
    const rows = await executor.query<HoldRow>('holds_find', `SELECT ${HOLD_COLUMNS} FROM holds WHERE id = ANY ($1::uuid[])`, [
      ids,
    ]);
    return rows.map(toHoldView);
  }

  /** A user's holds, newest first, optionally of one status. */
  async listForUser(executor: SqlExecutor, userId: string, status: HoldStatus | null, limit: number): Promise<HoldView[]> {
    const rows = await executor.query<HoldRow>(
      status === null ? 'holds_list' : 'holds_list_status',
      `SELECT ${HOLD_COLUMNS} FROM holds WHERE user_id = $1${status === null ? '' : ' AND status = $3'}
        ORDER BY created_at DESC, id LIMIT $2`,
      status === null ? [userId, limit] : [userId, limit, status],
    );
    return rows.map(toHoldView);
  }

  /** Holds still HELD whose expiry has passed (by the database's clock), the oldest first. */
  async due(executor: SqlExecutor, limit: number): Promise<HoldView[]> {
    const rows = await executor.query<HoldRow>(
      'holds_due',
      `SELECT ${HOLD_COLUMNS} FROM holds WHERE status = 'HELD' AND expires_at <= now() ORDER BY expires_at LIMIT $1`,
      [limit],
    );
    return rows.map(toHoldView);
  }

  /** Writes the holds a batch authorized (after their journals, which they reference). */
  async insert(tx: SqlExecutor, holds: readonly HoldView[]): Promise<void> {
    if (holds.length === 0) return;
    await tx.query(
      'holds_insert',
      `INSERT INTO holds (id, user_id, asset_code, amount, status, description, metadata, idempotency_key, created_by, created_at, expires_at, hold_journal_id)
       SELECT id, user_id, asset_code, amount, 'HELD', description, metadata, idempotency_key, created_by, created_at, expires_at, hold_journal_id
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::bigint[])
              AS h(id, user_id, asset_code, amount, description, metadata, idempotency_key, created_by, created_at, expires_at, hold_journal_id)`,
      [
        holds.map((h) => h.id),
        holds.map((h) => h.userId),
        holds.map((h) => h.assetCode),
        holds.map((h) => h.amount.toString()),
        holds.map((h) => h.description),
        holds.map((h) => JSON.stringify(h.metadata)),
        holds.map((h) => h.idempotencyKey),
        holds.map((h) => h.createdBy),
        holds.map((h) => h.createdAt),
        holds.map((h) => h.expiresAt),
        holds.map((h) => h.holdTransactionId),
      ],
    );
  }

  /** Writes the batch's settlements; the row trigger refuses one that is not HELD any more. */
  async settle(tx: SqlExecutor, settlements: readonly HoldSettlement[]): Promise<void> {
    if (settlements.length === 0) return;
    await tx.query(
      'holds_settle',
      `UPDATE holds h SET status = s.status, captured_amount = s.captured_amount, capture_to_user_id = s.capture_to_user_id,
              finished_at = s.finished_at, release_journal_id = s.release_journal_id, capture_journal_id = s.capture_journal_id
         FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::uuid[], $5::timestamptz[], $6::bigint[], $7::bigint[])
              AS s(id, status, captured_amount, capture_to_user_id, finished_at, release_journal_id, capture_journal_id)
        WHERE h.id = s.id`,
      [
        settlements.map((s) => s.id),
        settlements.map((s) => s.status),
        settlements.map((s) => s.capturedAmount.toString()),
        settlements.map((s) => s.captureToUserId),
        settlements.map((s) => s.finishedAt),
        settlements.map((s) => s.releaseJournalId),
        settlements.map((s) => s.captureJournalId),
      ],
    );
  }
}

function toHoldView(r: HoldRow): HoldView {
  return {
    id: r.id,
    status: r.status,
    userId: r.user_id,
    assetCode: r.asset_code,
    amount: BigInt(r.amount),
    capturedAmount: BigInt(r.captured_amount),
    captureToUserId: r.capture_to_user_id,
    description: r.description,
    metadata: r.metadata,
    idempotencyKey: r.idempotency_key,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    finishedAt: r.finished_at,
    holdTransactionId: r.hold_journal_id,
    releaseTransactionId: r.release_journal_id,
    captureTransactionId: r.capture_journal_id,
  };
}
