import { ResourceNotFoundException, toAmount, UserNotFoundException, ValidationFailedException } from '@app/common';
import { AssetsService } from '@app/assets';
import { fingerprintRequest, IdempotencyService, resolveIdempotencyKey, WriteResult } from '@app/idempotency';
import { HoldStatus, HoldView, LedgerQueryService, LedgerService, PostingCommand, transactionType } from '@app/ledger';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CaptureHoldRequestDto, CreateHoldRequestDto, DEFAULT_HOLD_SECONDS, VoidHoldRequestDto } from './dto/hold-request.dto';
import { HoldListDto, HoldResponseDto } from './dto/hold-response.dto';
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
    private readonly ledger: LedgerService,
    private readonly queries: LedgerQueryService,
    private readonly idempotency: IdempotencyService,
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
    const { endpoint } = transactionType('HOLD');
    const fingerprint = fingerprintRequest(endpoint, {
      userId,
      assetCode: request.assetCode,
      amount: amount.toString(),
      expiresInSeconds: String(expiresInSeconds),
      description,
      metadata,
      credential: actor,
    });
    return this.idempotency.exclusive(userId, key, fingerprint, () =>
      this.ledger.post({
        intent: { kind: 'HOLD', holdId: randomUUID(), userId, assetCode: request.assetCode, amount, expiresInSeconds },
        actingUserId: userId,
        key,
        description,
        metadata,
        createdBy: actor,
        idempotency: { userId, key, endpoint, fingerprint },
        render: holdRenderer(201),
      }),
    );
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
    const { endpoint } = transactionType('HOLD_CAPTURE');
    const fingerprint = fingerprintRequest(endpoint, {
      holdId: hold.id,
      amount: amount?.toString() ?? null,
      toUserId,
      credential: actor,
    });
    return this.settle(hold, key, fingerprint, endpoint, actor, { action: 'CAPTURE', amount, toUserId });
  }

  async void(holdId: string, request: VoidHoldRequestDto, headerKey: Header, actor: string): Promise<WriteResult> {
    const key = resolveIdempotencyKey(headerKey, request.idempotencyKey);
    const hold = await this.requireHold(holdId);
    const { endpoint } = transactionType('HOLD_RELEASE');
    const fingerprint = fingerprintRequest(endpoint, { holdId: hold.id, credential: actor });
    return this.settle(hold, key, fingerprint, endpoint, actor, { action: 'VOID', amount: null, toUserId: null });
  }

  async get(holdId: string): Promise<HoldResponseDto> {
    return HoldResponseDto.toResponse(await this.requireHold(holdId));
  }

  async list(userId: string, status: HoldStatus | undefined, limit: number): Promise<HoldListDto> {
    const user = await this.users.require(userId);
    const holds = await this.queries.userHolds(user.id, status ?? null, limit);
    return { data: holds.map((h) => HoldResponseDto.toResponse(h)) };
  }

  private settle(
    hold: HoldView,
    key: string,
    fingerprint: string,
    endpoint: string,
    actor: string,
    settlement: { action: 'CAPTURE' | 'VOID'; amount: bigint | null; toUserId: string | null },
  ): Promise<WriteResult> {
    const command: PostingCommand = {
      intent: {
        kind: 'SETTLE_HOLD',
        hold: { id: hold.id, userId: hold.userId, assetCode: hold.assetCode, amount: hold.amount },
        ...settlement,
      },
      actingUserId: hold.userId,
      key,
      description: hold.description,
      metadata: hold.metadata,
      createdBy: actor,
      idempotency: { userId: hold.userId, key, endpoint, fingerprint },
      render: holdRenderer(200),
    };
    return this.idempotency.exclusive(hold.userId, key, fingerprint, () => this.ledger.post(command));
  }

  private async requireHold(holdId: string): Promise<HoldView> {
    const hold = UUID_PATTERN.test(holdId) ? await this.queries.findHold(holdId.toLowerCase()) : undefined;
    if (!hold) throw new ResourceNotFoundException('No hold has this id.');
    return hold;
  }
}
