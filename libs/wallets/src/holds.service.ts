import { ResourceNotFoundException, toAmount, UserNotFoundException, ValidationFailedException } from '@app/common';
import { AssetsService } from '@app/assets';
import { resolveIdempotencyKey, WriteResult } from '@app/idempotency';
import { HoldStatus, HoldView, LedgerQueryService } from '@app/ledger';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CaptureHoldRequestDto, CreateHoldRequestDto, DEFAULT_HOLD_SECONDS, VoidHoldRequestDto } from './dto/hold-request.dto';
import { HoldListDto, HoldResponseDto } from './dto/hold-response.dto';
import { LedgerRequests } from './ledger-requests';
import { holdRenderer } from './outcome-renderer';
import { UsersService } from './users.service';
import { isUserId, normalizeUserId, UUID_PATTERN } from './validation/patterns';

type Header = string | string[] | undefined;

/**
 * Holds: authorize (the amount leaves the spendable balance), then capture (to the treasury or a
 * user; the rest returns) or void; the expiry job releases what is left HELD. Each posts through
 * the ledger under the hold owner's idempotency key; whether the hold is still HELD is decided by
 * the ledger's settle rule behind the locks, so of racing captures, voids and expiry one wins.
 */
@Injectable()
export class HoldsService {
  constructor(
    private readonly requests: LedgerRequests,
    private readonly queries: LedgerQueryService,
    private readonly assets: AssetsService,
    private readonly users: UsersService,
  ) {}

  async create(request: CreateHoldRequestDto, headerKey: Header, actor: string): Promise<WriteResult> {
    const key = resolveIdempotencyKey(headerKey, request.idempotencyKey);
    const amount = toAmount(request.amount);
    await this.assets.require(request.assetCode);
    const userId = normalizeUserId(request.userId);
    if (!isUserId(userId)) throw new UserNotFoundException(request.userId);
    const expiresInSeconds = request.expiresInSeconds ?? DEFAULT_HOLD_SECONDS;
    const description = request.description ?? null;
    const metadata = request.metadata ?? {};
    return this.requests.post({
      type: 'HOLD',
      userId,
      key,
      actor,
      fields: {
        userId,
        assetCode: request.assetCode,
        amount: amount.toString(),
        expiresInSeconds: String(expiresInSeconds),
        description,
        metadata,
      },
      intent: { kind: 'HOLD', holdId: randomUUID(), userId, assetCode: request.assetCode, amount, expiresInSeconds },
      description,
      metadata,
      render: holdRenderer(201),
    });
  }

  async capture(holdId: string, request: CaptureHoldRequestDto, headerKey: Header, actor: string): Promise<WriteResult> {
    const key = resolveIdempotencyKey(headerKey, request.idempotencyKey);
    const hold = await this.requireHold(holdId);
    // An absent optional field is the same as null (API.md): all of the hold, to the treasury.
    const amount = request.amount === undefined || request.amount === null ? null : toAmount(request.amount);
    if (amount !== null && amount > hold.amount) {
      throw new ValidationFailedException([{ field: 'amount', message: `must be at most the hold's amount (${hold.amount})` }]);
    }
    let toUserId: string | null = null;
    if (request.toUserId !== undefined && request.toUserId !== null) {
      toUserId = normalizeUserId(request.toUserId);
      if (!isUserId(toUserId)) throw new UserNotFoundException(request.toUserId);
    }
    const fields = { holdId: hold.id, amount: amount?.toString() ?? null, toUserId };
    return this.settle(hold, key, actor, 'HOLD_CAPTURE', fields, { action: 'CAPTURE', amount, toUserId });
  }

  async void(holdId: string, request: VoidHoldRequestDto, headerKey: Header, actor: string): Promise<WriteResult> {
    const key = resolveIdempotencyKey(headerKey, request.idempotencyKey);
    const hold = await this.requireHold(holdId);
    return this.settle(hold, key, actor, 'HOLD_RELEASE', { holdId: hold.id }, { action: 'VOID', amount: null, toUserId: null });
  }

  async get(holdId: string): Promise<HoldResponseDto> {
    return HoldResponseDto.toResponse(await this.requireHold(holdId));
  }

  async list(userId: string, status: HoldStatus | undefined, limit: number): Promise<HoldListDto> {
    const user = await this.users.require(userId);
    const holds = await this.queries.userHolds(user.id, status ?? null, limit);
    return { data: holds.map((h) => HoldResponseDto.toResponse(h)) };
  }

  /** A capture or void: the hold's owner is the acting user, its description and metadata go on the journals. */
  private settle(
    hold: HoldView,
    key: string,
    actor: string,
    type: 'HOLD_CAPTURE' | 'HOLD_RELEASE',
    fields: { readonly [field: string]: string | null },
    settlement: { action: 'CAPTURE' | 'VOID'; amount: bigint | null; toUserId: string | null },
  ): Promise<WriteResult> {
    const ref = { id: hold.id, userId: hold.userId, assetCode: hold.assetCode, amount: hold.amount };
    return this.requests.post({
      type,
      userId: hold.userId,
      key,
      actor,
      fields,
      intent: { kind: 'SETTLE_HOLD', hold: ref, ...settlement },
      description: hold.description,
      metadata: hold.metadata,
      render: holdRenderer(200),
    });
  }

  private async requireHold(holdId: string): Promise<HoldView> {
    const hold = UUID_PATTERN.test(holdId) ? await this.queries.findHold(holdId.toLowerCase()) : undefined;
    if (!hold) throw new ResourceNotFoundException('No hold has this id.');
    return hold;
  }
}
