import type { Encoding } from './wallet-driver';
import {
  Asset,
  ASSETS,
  CaptureRequest,
  isMove,
  MAX_AMOUNT,
  MoveKind,
  MoveRequest,
  REFUNDABLE,
  WalletModel,
  WriteRequest,
} from './wallet-model';

export { MAX_AMOUNT };

/**
 * Writes as generated: they name users, transactions and holds by index (among the run's users,
 * the transactions and the holds the model knows when the write runs), so that the generators need
 * no state and shrinking keeps the sequences valid.
 */
export interface MoveSpec {
  readonly kind: MoveKind;
  readonly from: number;
  readonly to: number;
  readonly asset: Asset;
  readonly amount: bigint;
  readonly description: string | null;
  readonly metadata: Record<string, string>;
  readonly enc: Encoding;
}

/** How much a refund asks for: nothing (all that is left), exactly what is left, part of it, one more than it, or a fixed amount. */
export type RefundAmount =
  | { readonly of: 'rest' | 'exact' | 'over' }
  | { readonly of: 'part'; readonly n: number }
  | { readonly of: 'fixed'; readonly amount: bigint };

export interface RefundSpec {
  readonly kind: 'REFUND';
  readonly pick: number;
  /** Pick among the refundable transactions only (else among all: refunds and hold movements too). */
  readonly refundableOnly: boolean;
  readonly amount: RefundAmount;
  readonly reason: string | null;
  readonly metadata: Record<string, string>;
  readonly enc: Encoding;
}

export interface HoldSpec {
  readonly kind: 'HOLD';
  /** Hold part of what some user has (`who` then picks among the user-assets with a balance), else of user `who`. */
  readonly funded: boolean;
  readonly who: number;
  readonly asset: Asset;
  readonly amount: bigint;
  /** null: the default (an hour); else an hour or more, so that no hold of a sequence expires (expiry is the torture run's). */
  readonly expiresInSeconds: number | null;
  readonly description: string | null;
  readonly metadata: Record<string, string>;
  readonly enc: Encoding;
}

/** How much a capture asks for: nothing (all), the hold's amount spelt out, part of it, or more than it (a 400). */
export type CaptureAmount = { readonly of: 'all' | 'full' | 'over' } | { readonly of: 'part'; readonly n: number };
/** Where a capture pays: the treasury, a user by index, the hold's own user, a user that does not exist. */
export type CaptureTarget =
  | { readonly to: 'treasury' | 'self' }
  | { readonly to: 'user'; readonly who: number }
  | { readonly to: 'unknown'; readonly id: string };

export interface CaptureSpec {
  readonly kind: 'CAPTURE';
  readonly pick: number;
  /** Pick among the active holds only (else among all, finished ones too). */
  readonly activeOnly: boolean;
  readonly amount: CaptureAmount;
  readonly target: CaptureTarget;
  readonly enc: Encoding;
}

export interface VoidSpec {
  readonly kind: 'VOID';
  readonly pick: number;
  readonly activeOnly: boolean;
  readonly enc: Encoding;
}

export type OpSpec = MoveSpec | RefundSpec | HoldSpec | CaptureSpec | VoidSpec;

export function userAt(model: WalletModel, index: number): string {
  return model.users[index % model.users.length];
}

/** Whether the model has what the spec names (a transaction to refund, a hold to settle). */
export function canRun(model: WalletModel, spec: OpSpec): boolean {
  switch (spec.kind) {
    case 'REFUND':
      return spec.refundableOnly
        ? [...model.transactions.values()].some((t) => REFUNDABLE.has(t.type))
        : model.transactions.size > 0;
    case 'CAPTURE':
    case 'VOID':
      return spec.activeOnly ? [...model.holds.values()].some((h) => h.status === 'HELD') : model.holds.size > 0;
    default:
      return true;
  }
}

/** The request a spec names now, with a fresh key; undefined when the model has nothing it could name. */
export function toRequest(model: WalletModel, spec: OpSpec, key: string): WriteRequest | undefined {
  if (!canRun(model, spec)) return undefined;
  switch (spec.kind) {
    case 'REFUND': {
      const candidates = [...model.transactions.values()].filter((t) => !spec.refundableOnly || REFUNDABLE.has(t.type));
      const original = candidates[spec.pick % candidates.length];
      const left = original.amount - original.refunded;
      const amount = refundAmount(spec.amount, left);
      return {
        kind: 'REFUND',
        userId: original.userId,
        key,
        transactionId: original.id,
        amount,
        reason: spec.reason,
        metadata: spec.metadata,
      };
    }
    case 'HOLD': {
      const { expiresInSeconds, description, metadata } = spec;
      const funded = spec.funded
        ? model.users
            .flatMap((userId) =>
              ASSETS.map((assetCode) => ({ userId, assetCode, balance: model.balance({ kind: 'USER', userId }, assetCode) })),
            )
            .filter((a) => a.balance > 0n)
        : [];
      if (funded.length === 0)
        return {
          kind: 'HOLD',
          userId: userAt(model, spec.who),
          key,
          assetCode: spec.asset,
          amount: spec.amount,
          expiresInSeconds,
          description,
          metadata,
        };
      const { userId, assetCode, balance } = funded[spec.who % funded.length];
      return {
        kind: 'HOLD',
        userId,
        key,
        assetCode,
        amount: 1n + ((spec.amount - 1n) % balance),
        expiresInSeconds,
        description,
        metadata,
      };
    }
    case 'CAPTURE':
    case 'VOID': {
      const candidates = [...model.holds.values()].filter((h) => !spec.activeOnly || h.status === 'HELD');
      const hold = candidates[spec.pick % candidates.length];
      if (spec.kind === 'VOID') return { kind: 'VOID', userId: hold.userId, key, holdId: hold.id };
      return {
        kind: 'CAPTURE',
        userId: hold.userId,
        key,
        holdId: hold.id,
        amount: captureAmount(spec.amount, hold.amount),
        toUserId: captureTarget(model, spec.target, hold.userId),
      };
    }
    default: {
      const base = { assetCode: spec.asset, amount: spec.amount, key, description: spec.description, metadata: spec.metadata };
      return spec.kind === 'TRANSFER'
        ? { ...base, kind: spec.kind, userId: userAt(model, spec.from), toUserId: userAt(model, spec.to) }
        : { ...base, kind: spec.kind, userId: userAt(model, spec.from) };
    }
  }
}

function captureAmount(choice: CaptureAmount, held: bigint): bigint | null {
  switch (choice.of) {
    case 'all':
      return null;
    case 'full':
      return held;
    case 'over':
      return held + 1n;
    case 'part':
      return 1n + (BigInt(choice.n) % held);
  }
}

function captureTarget(model: WalletModel, target: CaptureTarget, holder: string): string | null {
  switch (target.to) {
    case 'treasury':
      return null;
    case 'self':
      return holder;
    case 'unknown':
      return target.id;
    case 'user':
      return userAt(model, target.who);
  }
}

function refundAmount(choice: RefundAmount, left: bigint): bigint | null {
  switch (choice.of) {
    case 'rest':
      return null;
    case 'exact':
      return left > 0n ? left : 1n;
    case 'over':
      return left + 1n;
    case 'part':
      return left > 0n ? 1n + (BigInt(choice.n) % left) : 1n;
    case 'fixed':
      return choice.amount;
  }
}

/** The same key for another request of the same user (a different fingerprint): the service must refuse it. */
export function changed(req: WriteRequest): WriteRequest {
  switch (req.kind) {
    case 'REFUND':
      return { ...req, amount: req.amount === null ? 1n : req.amount < MAX_AMOUNT ? req.amount + 1n : req.amount - 1n };
    case 'CAPTURE':
      return { ...req, amount: req.amount === null ? 1n : null };
    case 'VOID':
      return { ...req, kind: 'CAPTURE', amount: null, toUserId: null };
    default:
      return { ...req, amount: req.amount < MAX_AMOUNT ? req.amount + 1n : 1n };
  }
}

export const RETRY_VARIANTS = ['same', 'same', 'same', 'amount', 'endpoint', 'description', 'metadata', 'other-user'] as const;
export type RetryVariant = (typeof RETRY_VARIANTS)[number];

/** A write sent before, again under its key: the same request (`same`), or one that differs in one respect. */
export function vary(model: WalletModel, req: WriteRequest, variant: RetryVariant): WriteRequest {
  if (variant === 'same') return req;
  if (variant === 'amount') return req.kind === 'VOID' ? req : changed(req);
  if (variant === 'endpoint') return otherEndpoint(req);
  if (isMove(req) || req.kind === 'HOLD') {
    if (variant === 'description') return { ...req, description: `${req.description ?? ''}!` };
    if (variant === 'metadata') return { ...req, metadata: { ...req.metadata, retry: 'yes' } };
    const i = model.users.indexOf(req.userId);
    return { ...req, userId: userAt(model, i < 0 ? 0 : i + 1) };
  }
  if (req.kind === 'REFUND' && variant === 'description') return { ...req, reason: `${req.reason ?? ''}!` };
  if (req.kind === 'REFUND' && variant === 'metadata') return { ...req, metadata: { ...req.metadata, retry: 'yes' } };
  return req; // nothing else to vary: the same request
}

/** The same user and key on another endpoint. */
function otherEndpoint(req: WriteRequest): WriteRequest {
  if (isMove(req)) {
    const { toUserId: _dropped, ...rest } = req;
    return {
      ...rest,
      kind: req.kind === 'TOPUP' ? 'BONUS' : req.kind === 'BONUS' ? 'TOPUP' : req.kind === 'SPEND' ? 'TOPUP' : 'SPEND',
    };
  }
  const spend = (assetCode: Asset, amount: bigint): MoveRequest => ({
    kind: 'SPEND',
    userId: req.userId,
    key: req.key,
    assetCode,
    amount,
    description: null,
    metadata: {},
  });
  switch (req.kind) {
    case 'REFUND':
      return spend('GOLD', req.amount ?? 1n);
    case 'HOLD':
      return spend(req.assetCode, req.amount);
    case 'CAPTURE':
      return { kind: 'VOID', userId: req.userId, key: req.key, holdId: req.holdId };
    case 'VOID': {
      const capture: CaptureRequest = {
        kind: 'CAPTURE',
        userId: req.userId,
        key: req.key,
        holdId: req.holdId,
        amount: null,
        toUserId: null,
      };
      return capture;
    }
  }
}

export function showSpec(s: OpSpec): string {
  const enc = `${s.enc.amountAsString ? 'str' : 'num'}/${s.enc.keyCarrier}${s.enc.explicitDefaults ? '/defaults' : ''}`;
  switch (s.kind) {
    case 'REFUND': {
      const amount =
        s.amount.of === 'fixed' ? String(s.amount.amount) : s.amount.of === 'part' ? `part ${s.amount.n}` : s.amount.of;
      return `refund(#${s.pick}${s.refundableOnly ? '' : ' of any'}, ${amount}, ${enc}${s.reason === null ? '' : ` reason=${JSON.stringify(s.reason)}`})`;
    }
    case 'HOLD':
      return `hold(${s.funded ? `funded #${s.who}` : `u${s.who}, ${s.asset}`}, ${s.amount}, ${s.expiresInSeconds ?? 'default'} s, ${enc})`;
    case 'CAPTURE': {
      const amount = s.amount.of === 'part' ? `part ${s.amount.n}` : s.amount.of;
      const t = s.target;
      const to = t.to === 'user' ? `u${t.who}` : t.to === 'unknown' ? `unknown ${t.id.slice(0, 8)}` : t.to;
      return `capture(hold #${s.pick}${s.activeOnly ? '' : ' of any'}, ${amount} → ${to}, ${enc})`;
    }
    case 'VOID':
      return `void(hold #${s.pick}${s.activeOnly ? '' : ' of any'}, ${enc})`;
    default: {
      const users = s.kind === 'TRANSFER' ? `u${s.from}→u${s.to}` : `u${s.from}`;
      const extras = `${s.description === null ? '' : ` desc=${JSON.stringify(s.description)}`}${Object.keys(s.metadata).length ? ` meta=${JSON.stringify(s.metadata)}` : ''}`;
      return `${s.kind.toLowerCase()}(${users}, ${s.asset}, ${s.amount}, ${enc}${extras})`;
    }
  }
}
