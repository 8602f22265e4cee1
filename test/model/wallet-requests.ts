/**
 * The writes of the model-based test as the contract sees them (API.md): the carrier and spelling
 * of each field are not part of a request, and two requests under one key are the same request
 * when their fingerprints are equal.
 */

export const ASSETS = ['GOLD', 'DIAMOND', 'POINT'] as const;
export type Asset = (typeof ASSETS)[number];
/** The writes that move money between two accounts of the request's own choosing. */
export type MoveKind = 'TOPUP' | 'SPEND' | 'BONUS' | 'TRANSFER';
/** Kept for the generators: the move kinds. */
export type WriteKind = MoveKind;
export type TransactionType = MoveKind | 'REFUND' | 'HOLD' | 'HOLD_CAPTURE' | 'HOLD_RELEASE';
export type SystemName = 'TREASURY' | 'BONUS';
export type HoldStatus = 'HELD' | 'CAPTURED' | 'VOIDED' | 'EXPIRED';
export type AccountRef =
  | { readonly kind: 'USER'; readonly userId: string }
  | { readonly kind: 'HELD'; readonly userId: string }
  | { readonly kind: 'SYSTEM'; readonly name: SystemName };

export const REFUNDABLE: ReadonlySet<TransactionType> = new Set(['TOPUP', 'SPEND', 'BONUS', 'TRANSFER']);
export const DEFAULT_HOLD_SECONDS = 3600;

export const ENDPOINTS: Readonly<Record<MoveKind, string>> = {
  TOPUP: '/v1/topup',
  SPEND: '/v1/spend',
  BONUS: '/v1/bonus',
  TRANSFER: '/v1/transfers',
};

/** Every write names the user whose key scope it uses (`userId`) and carries a key. */
interface Keyed {
  /** The key's scope: the acting user; for a refund the original's acting user, for a capture or void the hold's user. */
  readonly userId: string;
  readonly key: string;
}

export interface MoveRequest extends Keyed {
  readonly kind: MoveKind;
  readonly toUserId?: string;
  readonly assetCode: Asset;
  readonly amount: bigint;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface RefundRequest extends Keyed {
  readonly kind: 'REFUND';
  readonly transactionId: string;
  /** null: all that is left to refund. */
  readonly amount: bigint | null;
  readonly reason: string | null;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface HoldRequest extends Keyed {
  readonly kind: 'HOLD';
  readonly assetCode: Asset;
  readonly amount: bigint;
  /** null: the default (3600). */
  readonly expiresInSeconds: number | null;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface CaptureRequest extends Keyed {
  readonly kind: 'CAPTURE';
  readonly holdId: string;
  /** null: all of the hold. */
  readonly amount: bigint | null;
  /** null: the treasury. */
  readonly toUserId: string | null;
}

export interface VoidRequest extends Keyed {
  readonly kind: 'VOID';
  readonly holdId: string;
}

export type WriteRequest = MoveRequest | RefundRequest | HoldRequest | CaptureRequest | VoidRequest;

export function isMove(req: WriteRequest): req is MoveRequest {
  return req.kind === 'TOPUP' || req.kind === 'SPEND' || req.kind === 'BONUS' || req.kind === 'TRANSFER';
}

/** The users a request names that must exist (a missing one is a 404, unless the key answers first). */
export function namedUsers(req: WriteRequest): string[] {
  if (isMove(req)) return req.toUserId === undefined ? [req.userId] : [req.userId, req.toUserId];
  if (req.kind === 'HOLD') return [req.userId];
  if (req.kind === 'CAPTURE' && req.toUserId !== null) return [req.toUserId];
  return [];
}

/** Requests compared after normalisation (API.md): the key and its carrier are not part of it. */
export function fingerprint(req: WriteRequest): string {
  const sorted = (m: Readonly<Record<string, string>>) =>
    Object.keys(m)
      .sort()
      .map((k) => [k, m[k]]);
  switch (req.kind) {
    case 'REFUND':
      return JSON.stringify([req.kind, req.transactionId, req.amount?.toString() ?? null, req.reason, sorted(req.metadata)]);
    case 'HOLD':
      return JSON.stringify([
        req.kind,
        req.userId,
        req.assetCode,
        req.amount.toString(),
        req.expiresInSeconds ?? DEFAULT_HOLD_SECONDS,
        req.description,
        sorted(req.metadata),
      ]);
    case 'CAPTURE':
      return JSON.stringify([req.kind, req.holdId, req.amount?.toString() ?? null, req.toUserId]);
    case 'VOID':
      return JSON.stringify([req.kind, req.holdId]);
    default:
      return JSON.stringify([
        req.kind,
        req.userId,
        req.toUserId ?? null,
        req.assetCode,
        req.amount.toString(),
        req.description,
        sorted(req.metadata),
      ]);
  }
}

export function scope(req: WriteRequest): string {
  return `${req.userId}\u0000${req.key}`;
}

export function accountKey(account: AccountRef, assetCode: string): string {
  return account.kind === 'SYSTEM'
    ? `S|${account.name}|${assetCode}`
    : `${account.kind === 'USER' ? 'U' : 'H'}|${account.userId}|${assetCode}`;
}

/** The accounts a move takes money from and gives it to. */
export function legs(req: MoveRequest): [AccountRef, AccountRef] {
  const user: AccountRef = { kind: 'USER', userId: req.userId };
  switch (req.kind) {
    case 'TOPUP':
      return [{ kind: 'SYSTEM', name: 'TREASURY' }, user];
    case 'BONUS':
      return [{ kind: 'SYSTEM', name: 'BONUS' }, user];
    case 'SPEND':
      return [user, { kind: 'SYSTEM', name: 'TREASURY' }];
    case 'TRANSFER':
      return [user, { kind: 'USER', userId: req.toUserId ?? '' }];
  }
}

export function describeRequest(r: WriteRequest): string {
  const short = (id: string) => id.slice(0, 8);
  switch (r.kind) {
    case 'REFUND':
      return `REFUND(#${r.transactionId} of ${short(r.userId)}, ${r.amount ?? 'rest'}, key ${r.key})`;
    case 'HOLD':
      return `HOLD(${short(r.userId)}, ${r.assetCode}, ${r.amount}, key ${r.key})`;
    case 'CAPTURE':
      return `CAPTURE(${short(r.holdId)}, ${r.amount ?? 'all'} → ${r.toUserId === null ? 'treasury' : short(r.toUserId)}, key ${r.key})`;
    case 'VOID':
      return `VOID(${short(r.holdId)}, key ${r.key})`;
    default: {
      const users = r.kind === 'TRANSFER' ? `${short(r.userId)}→${short(r.toUserId ?? '')}` : short(r.userId);
      return `${r.kind}(${users}, ${r.assetCode}, ${r.amount}, key ${r.key})`;
    }
  }
}
