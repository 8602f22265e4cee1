import { toAmount, UserNotFoundException } from '@app/common';
import { AssetsService } from '@app/assets';
import { resolveIdempotencyKey, WriteResult } from '@app/idempotency';
import { AccountRef } from '@app/ledger';
import { Injectable } from '@nestjs/common';
import { PostingRequestDto, TransferRequestDto, WriteRequestBase } from './dto/posting-request.dto';
import { LedgerRequests } from './ledger-requests';
import { renderOutcome } from './outcome-renderer';
import { isUserId, normalizeUserId } from './validation/patterns';

type MoveType = 'TOPUP' | 'SPEND' | 'BONUS' | 'TRANSFER';

const TREASURY: AccountRef = { kind: 'SYSTEM', name: 'TREASURY' };
const BONUS_POOL: AccountRef = { kind: 'SYSTEM', name: 'BONUS' };

/**
 * The wallet operations: each is a thin use case that names the accounts a write moves money
 * between and hands it to the ledger under the request's idempotency key. `actor` is the
 * credential that asked (an API key's id or `master`): the journal records it, and it is part of
 * the request's fingerprint, so an idempotency record belongs to the credential that made it —
 * another credential with the same user and key gets IDEMPOTENCY_KEY_REUSED and never the body.
 */
@Injectable()
export class WalletOperationsService {
  constructor(
    private readonly requests: LedgerRequests,
    private readonly assets: AssetsService,
  ) {}

  /** Treasury → user: a purchase of credits. */
  topup(request: PostingRequestDto, headerKey: string | string[] | undefined, actor: string): Promise<WriteResult> {
    const user = userAccount(request.userId);
    return this.write({ type: 'TOPUP', request, headerKey, actor, from: TREASURY, to: user, users: { userId: user.userId } });
  }

  /** User → treasury: an in-game purchase. */
  spend(request: PostingRequestDto, headerKey: string | string[] | undefined, actor: string): Promise<WriteResult> {
    const user = userAccount(request.userId);
    return this.write({ type: 'SPEND', request, headerKey, actor, from: user, to: TREASURY, users: { userId: user.userId } });
  }

  /** Bonus pool → user: loyalty and incentives. */
  bonus(request: PostingRequestDto, headerKey: string | string[] | undefined, actor: string): Promise<WriteResult> {
    const user = userAccount(request.userId);
    return this.write({ type: 'BONUS', request, headerKey, actor, from: BONUS_POOL, to: user, users: { userId: user.userId } });
  }

  /** User → user. The key is scoped to the sender. */
  transfer(request: TransferRequestDto, headerKey: string | string[] | undefined, actor: string): Promise<WriteResult> {
    const from = userAccount(request.fromUserId);
    const to = userAccount(request.toUserId);
    const users = { fromUserId: from.userId, toUserId: to.userId };
    return this.write({ type: 'TRANSFER', request, headerKey, actor, from, to, users });
  }

  /** The acting user is the debited user, else the credited one (a top-up's or a bonus's receiver). */
  private async write({ type, request, headerKey, actor, from, to, users }: MoveWrite): Promise<WriteResult> {
    const actingUserId = from.kind === 'USER' ? from.userId : (to as { userId: string }).userId;
    const key = resolveIdempotencyKey(headerKey, request.idempotencyKey);
    const amount = toAmount(request.amount);
    if (this.assets.cached(request.assetCode) === undefined) await this.assets.require(request.assetCode);
    if (from.kind === 'USER' && !isUserId(from.userId)) throw new UserNotFoundException(from.userId);
    if (to.kind === 'USER' && !isUserId(to.userId)) throw new UserNotFoundException(to.userId);
    const description = request.description ?? null;
    const metadata = request.metadata ?? {};
    return this.requests.post({
      type,
      userId: actingUserId,
      key,
      actor,
      fields: { ...users, assetCode: request.assetCode, amount: amount.toString(), description, metadata },
      intent: { kind: 'MOVE', type, assetCode: request.assetCode, amount, from, to },
      description,
      metadata,
      render: renderOutcome,
    });
  }
}

/** A move as a use case describes it: the accounts, and the users its fingerprint names. */
interface MoveWrite {
  readonly type: MoveType;
  readonly request: WriteRequestBase;
  readonly headerKey: string | string[] | undefined;
  readonly actor: string;
  readonly from: AccountRef;
  readonly to: AccountRef;
  readonly users: Record<string, string>;
}

function userAccount(id: string): { kind: 'USER'; userId: string } {
  return { kind: 'USER', userId: normalizeUserId(id) };
}
