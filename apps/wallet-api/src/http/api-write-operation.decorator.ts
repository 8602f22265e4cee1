import { ErrorCode } from '@app/common';
import { IDEMPOTENCY_KEY_HEADER } from '@app/idempotency';
import { PostingRequestDto, TransactionResponseDto, TransferRequestDto } from '@app/wallets';
import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation } from '@nestjs/swagger';
import { ApiProblems, BODY_PROBLEMS, COMMON_PROBLEMS, IDEMPOTENT_REPLAYED_RESPONSE_HEADER } from './api-problems.decorator';

const WRITE_DESCRIPTION =
  'Needs an idempotency key (the `Idempotency-Key` header, or the body field `idempotencyKey`), scoped to the acting ' +
  'user. The same key with the same request returns the stored outcome again (the same status and body, with ' +
  '`Idempotent-Replayed: true`), business rejections included; with a different request it is a 422 ' +
  '`IDEMPOTENCY_KEY_REUSED`. Validation errors, 404s and 5xx are not stored: retry them with the same key.';

type MoveType = 'TOPUP' | 'SPEND' | 'BONUS' | 'TRANSFER';

export interface WriteOperationDocs {
  readonly operationId: string;
  readonly summary: string;
  /** The transaction type the write posts; it picks the body schema and the examples. */
  readonly type: MoveType;
  /** The business rejections of this write, besides the errors every write has. */
  readonly rejections: readonly ErrorCode[];
}

/** What every write documents: the key header, the body, the 201 transaction with the replay header, the problems. */
export function ApiWriteOperation(docs: WriteOperationDocs): MethodDecorator {
  const { request, response } = EXAMPLES[docs.type];
  return applyDecorators(
    HttpCode(201),
    ApiOperation({ operationId: docs.operationId, summary: docs.summary, description: WRITE_DESCRIPTION }),
    ApiIdempotencyKeyHeader(),
    ApiBody({
      type: docs.type === 'TRANSFER' ? TransferRequestDto : PostingRequestDto,
      examples: {
        integer: { summary: 'The amount as a JSON integer, the key in the header', value: request },
        string: {
          summary: 'The amount as a digit string, the key in the body',
          value: { ...request, amount: String(request.amount), idempotencyKey: 'order-7781' },
        },
      },
    }),
    ApiCreatedResponse({
      type: TransactionResponseDto,
      description: 'The posted transaction. A replay returns the stored status and body unchanged.',
      headers: IDEMPOTENT_REPLAYED_RESPONSE_HEADER,
      example: response,
    }),
    ApiProblems(...WRITE_PROBLEMS, ...docs.rejections, ...COMMON_PROBLEMS),
  );
}

/** The errors of every write besides its business rejections. */
export const WRITE_PROBLEMS = [
  ...BODY_PROBLEMS,
  ErrorCode.USER_NOT_FOUND,
  ErrorCode.ASSET_NOT_FOUND,
  ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
  ErrorCode.IDEMPOTENCY_KEY_REUSED,
] as const;

/** The description every write shares (idempotency). */
export const WRITE_OPERATION_DESCRIPTION = WRITE_DESCRIPTION;

/** The optional `Idempotency-Key` header of a write. */
export function ApiIdempotencyKeyHeader(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        '1–255 visible ASCII characters, scoped to the acting user. Required unless the body carries `idempotencyKey` ' +
        '(both must be equal when both are sent).',
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        pattern: '^[\\x21-\\x7E]{1,255}$',
        example: 'order-7781',
      },
    }),
  );
}

const ALICE = '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d';
const BOB = '9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e';
const TREASURY = { kind: 'SYSTEM', name: 'TREASURY' } as const;
const BONUS = { kind: 'SYSTEM', name: 'BONUS' } as const;
const wallet = (userId: string) => ({ kind: 'USER', userId }) as const;

/** A 100 GOLD write by alice, as the client sends it and as the service answers it. */
const EXAMPLES: Record<MoveType, { request: Record<string, unknown>; response: TransactionResponseDto }> = {
  TOPUP: {
    request: {
      userId: ALICE,
      assetCode: 'GOLD',
      amount: 100,
      description: 'Starter pack',
      metadata: { orderId: 'A-1001' },
    },
    response: transaction('TOPUP', { description: 'Starter pack', metadata: { orderId: 'A-1001' } }, [
      { account: TREASURY, amount: '-100', balanceAfter: '-9100' },
      { account: wallet(ALICE), amount: '100', balanceAfter: '350' },
    ]),
  },
  SPEND: {
    request: { userId: ALICE, assetCode: 'GOLD', amount: 100, description: 'Dragon egg' },
    response: transaction('SPEND', { description: 'Dragon egg' }, [
      { account: wallet(ALICE), amount: '-100', balanceAfter: '250' },
      { account: TREASURY, amount: '100', balanceAfter: '-9000' },
    ]),
  },
  BONUS: {
    request: { userId: ALICE, assetCode: 'GOLD', amount: 100, description: 'Daily login' },
    response: transaction('BONUS', { description: 'Daily login' }, [
      { account: BONUS, amount: '-100', balanceAfter: '-2100' },
      { account: wallet(ALICE), amount: '100', balanceAfter: '350' },
    ]),
  },
  TRANSFER: {
    request: { fromUserId: ALICE, toUserId: BOB, assetCode: 'GOLD', amount: 100, description: 'Thanks for the raid' },
    response: transaction('TRANSFER', { toUserId: BOB, description: 'Thanks for the raid' }, [
      { account: wallet(ALICE), amount: '-100', balanceAfter: '250' },
      { account: wallet(BOB), amount: '100', balanceAfter: '100' },
    ]),
  },
};

function transaction(
  type: MoveType,
  fields: Pick<Partial<TransactionResponseDto>, 'toUserId' | 'description' | 'metadata'>,
  entries: TransactionResponseDto['entries'],
): TransactionResponseDto {
  const own = entries.find((e) => e.account.kind === 'USER' && e.account.userId === ALICE);
  return {
    id: '1042',
    type,
    status: 'POSTED',
    userId: ALICE,
    ...(fields.toUserId === undefined ? {} : { toUserId: fields.toUserId }),
    assetCode: 'GOLD',
    amount: '100',
    balanceAfter: own?.balanceAfter ?? '0',
    description: fields.description ?? null,
    metadata: fields.metadata ?? {},
    idempotencyKey: 'order-7781',
    createdBy: '3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c',
    createdAt: '2026-11-23T21:15:00.123Z',
    refundedAmount: '0',
    refunds: [],
    entries,
  };
}
